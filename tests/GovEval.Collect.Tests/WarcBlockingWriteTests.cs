using GovEval.Collect.Warc;
using GovEval.Collect.Tests.Support;

namespace GovEval.Collect.Tests;

/// <summary>Runs alone: it caps the thread pool, which every other test shares.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolCapCollection
{
    public const string Name = "thread pool capped";
}

/// <summary>A blocking archive write returns while every thread of the pool is busy.</summary>
[Collection(ThreadPoolCapCollection.Name)]
public sealed class WarcBlockingWriteTests
{
    [Fact]
    public void A_blocking_write_from_a_saturated_pool_returns()
    {
        // Before the fix the writer thread handed the wake-up of a blocked caller to a pool item: with the pool
        // full of blocked callers nobody ran it (in the suite, 200 writers starved the process for two minutes).
        using var folder = new TempFolder();
        using var warc = new WarcWriter(folder.Path);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        // A few threads above what the test runner itself may be holding; the blocked items below fill the rest.
        Assert.True(ThreadPool.SetMaxThreads(Environment.ProcessorCount + 4, maxIo));
        // Not disposed: the pool's items may still be on their way to them when the test ends.
        var release = new ManualResetEventSlim();
        var go = new ManualResetEventSlim();
        var writing = new ManualResetEventSlim();
        var written = new ManualResetEventSlim();
        var started = 0;
        Exception? failure = null;
        try
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                writing.Set();
                go.Wait();
                try
                {
                    warc.WriteExchange("http://a.gov.cn/busy.html", null, "GET /busy.html HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\n\r\n"u8, "<p>x</p>"u8, DateTimeOffset.UnixEpoch);
                }
                catch (Exception e)
                {
                    failure = e;
                }

                written.Set();
            }, null);
            Assert.True(writing.Wait(TimeSpan.FromSeconds(10)), "the writing item never started");

            // Blocked items until one waits without a thread for longer than the pool takes to add one (it adds a
            // thread about every half second while items wait): the pool is at its cap.
            var saturated = false;
            for (var i = 0; i < 64 && !saturated; i++)
            {
                var before = Volatile.Read(ref started);
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    Interlocked.Increment(ref started);
                    release.Wait();
                }, null);
                saturated = !SpinWait.SpinUntil(() => Volatile.Read(ref started) > before, TimeSpan.FromSeconds(2));
            }

            Assert.True(saturated, "the capped pool never filled");
            go.Set();
            Assert.True(written.Wait(TimeSpan.FromSeconds(30)), "the write never returned");
            Assert.Null(failure);
        }
        finally
        {
            go.Set();
            release.Set();
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        }
    }
}
