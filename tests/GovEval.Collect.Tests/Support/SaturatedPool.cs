namespace GovEval.Collect.Tests.Support;

/// <summary>
/// Caps the thread pool and fills it with blocked items until one waits without a thread, so code that needs a pool
/// thread to make progress visibly stalls. Disposing releases the items and restores the cap. Tests using it run in
/// <see cref="ThreadPoolCapCollection"/>, alone: the pool is the whole process's.
/// </summary>
public sealed class SaturatedPool : IDisposable
{
    private readonly int maxWorkers;
    private readonly int maxIo;

    // Not disposed: the pool's items may still be on their way to them when the test ends.
    private readonly ManualResetEventSlim release = new();
    private readonly ManualResetEventSlim go = new();
    private readonly ManualResetEventSlim running = new();
    private int started;

    /// <param name="onPoolThread">Runs on a pool thread once the pool is full (it holds one of the pool's threads).</param>
    public SaturatedPool(Action? onPoolThread = null)
    {
        ThreadPool.GetMaxThreads(out maxWorkers, out maxIo);

        // A few threads above what the test runner itself may be holding; the blocked items fill the rest.
        if (!ThreadPool.SetMaxThreads(Environment.ProcessorCount + 4, maxIo))
        {
            throw new InvalidOperationException("the thread pool refused the cap");
        }

        try
        {
            if (onPoolThread is not null)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    running.Set();
                    go.Wait();
                    onPoolThread();
                }, null);
                if (!running.Wait(TimeSpan.FromSeconds(10)))
                {
                    throw new InvalidOperationException("the item meant to run on the full pool never started");
                }
            }

            // Blocked items until one waits for longer than the pool takes to add a thread (about every half second
            // while items wait): the pool is at its cap.
            for (var i = 0; i < 64; i++)
            {
                var before = Volatile.Read(ref started);
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    Interlocked.Increment(ref started);
                    release.Wait();
                }, null);
                if (!SpinWait.SpinUntil(() => Volatile.Read(ref started) > before, TimeSpan.FromSeconds(2)))
                {
                    go.Set();
                    return;
                }
            }

            throw new InvalidOperationException("the capped thread pool never filled");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        go.Set();
        release.Set();
        ThreadPool.SetMaxThreads(maxWorkers, maxIo);
    }
}

/// <summary>Runs alone: its tests cap the thread pool, which every other test shares.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolCapCollection
{
    public const string Name = "thread pool capped";
}
