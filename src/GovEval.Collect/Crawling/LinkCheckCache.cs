using System.Collections.Concurrent;
using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Checks each target that is not crawled (external pages, images, attachments) once per run, however many
/// pages and sites link it: HEAD first, then GET when the server refuses HEAD (405, 501 and the like). A check
/// that ended in our own fault is forgotten so a later request tries again.
/// </summary>
public sealed class LinkCheckCache(Fetcher fetcher)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<FetchOutcome>>> checks = new(StringComparer.Ordinal);

    public int Count => checks.Count;

    /// <summary>Requests actually made (not served from the cache), for benchmarks and tests.</summary>
    public int Misses => misses;

    private int misses;

    public Task<FetchOutcome> CheckAsync(string url, CancellationToken cancel = default)
    {
        var lazy = checks.GetOrAdd(url, u => new Lazy<Task<FetchOutcome>>(() => RunAsync(u, cancel)));
        var task = lazy.Value;
        _ = task.ContinueWith(
            t =>
            {
                if (t.IsFaulted || t.IsCanceled || t.Result.Status == FetchStatus.ScannerError)
                {
                    checks.TryRemove(new KeyValuePair<string, Lazy<Task<FetchOutcome>>>(url, lazy));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Restores an outcome from a journal, so a resumed crawl does not ask again.</summary>
    public void Seed(string url, FetchOutcome outcome) =>
        checks.TryAdd(url, new Lazy<Task<FetchOutcome>>(Task.FromResult(outcome)));

    private async Task<FetchOutcome> RunAsync(string url, CancellationToken cancel)
    {
        Interlocked.Increment(ref misses);
        var head = await fetcher.FetchAsync(url, FetchRequest.Head, cancel).ConfigureAwait(false);
        if (!NeedsGet(head.Outcome))
        {
            return head.Outcome;
        }

        var get = await fetcher.FetchAsync(url, FetchRequest.Probe, cancel).ConfigureAwait(false);
        return get.Outcome;
    }

    // Servers that mishandle HEAD answer 405/501 or an odd 4xx/5xx, or drop it: GET decides. 404 and 410 are answers.
    private static bool NeedsGet(FetchOutcome outcome) => outcome.Status switch
    {
        FetchStatus.HttpError => outcome.HttpStatus is not (404 or 410),
        FetchStatus.Connection => true,
        _ => false,
    };
}
