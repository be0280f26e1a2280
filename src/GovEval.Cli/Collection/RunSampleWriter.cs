using System.Collections.Concurrent;
using GovEval.Core.Observations;
using GovEval.Store;

namespace GovEval.Cli.Collection;

/// <summary>
/// Stores a run's monitored visits in batches: what was taken is written every <c>every</c> (real time) and at the
/// end, so a killed monitor loses at most the last batch and a restart counts everything before it. The store's
/// replay-safe insert makes writing a visit twice harmless. A failed write stops the monitor (through
/// <see cref="Failed"/>) and is rethrown by <see cref="CompleteAsync"/>.
/// </summary>
public sealed class RunSampleWriter : IAsyncDisposable
{
    private readonly GovEvalStore store;
    private readonly string runId;
    private readonly ConcurrentQueue<(string Unit, AvailabilitySample Sample)> pending = new();
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource failed = new();
    private readonly Task loop;
    private Exception? error;

    public RunSampleWriter(GovEvalStore store, string runId, TimeSpan every)
    {
        this.store = store;
        this.runId = runId;
        loop = Task.Run(() => LoopAsync(every));
    }

    /// <summary>Cancelled when a batch could not be written.</summary>
    public CancellationToken Failed => failed.Token;

    /// <summary>Visits written so far.</summary>
    public int Written { get; private set; }

    public void Add(string unitCode, AvailabilitySample sample) => pending.Enqueue((unitCode, sample));

    /// <summary>Writes what is pending and stops; rethrows a write that failed.</summary>
    public async Task CompleteAsync()
    {
        await stop.CancelAsync();
        await loop;
        if (error is null)
        {
            await FlushAsync();
        }

        if (error is not null)
        {
            throw new InvalidOperationException($"storing the monitor's visits failed: {error.Message}", error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
        failed.Dispose();
        writing.Dispose();
    }

    private async Task LoopAsync(TimeSpan every)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await FlushAsync();
            }
            catch (Exception e)
            {
                error = e;
                await failed.CancelAsync();
                return;
            }
        }
    }

    private async Task FlushAsync()
    {
        await writing.WaitAsync();
        try
        {
            var batch = new List<(string Unit, AvailabilitySample Sample)>();
            while (pending.TryDequeue(out var item))
            {
                batch.Add(item);
            }

            foreach (var unit in batch.GroupBy(b => b.Unit, StringComparer.Ordinal))
            {
                await store.AddAvailabilitySamplesAsync(runId, unit.Key, unit.Select(u => u.Sample).ToList());
            }

            Written += batch.Count;
        }
        finally
        {
            writing.Release();
        }
    }
}
