using System.Diagnostics;
using Spectre.Console;

namespace GovEval.Cli.Collection;

/// <summary>
/// Progress of a run's collection: a live bar with the remaining time on a terminal, and a line every few seconds
/// (sites, pages, ETA) when the output is a log, so a long collection in CI or under nohup shows it is alive.
/// </summary>
public static class CollectionProgress
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    public static async Task<RunCollectionSummary> RunAsync(
        IAnsiConsole console,
        int sites,
        string runName,
        Func<IProgress<SiteCollected>, Task<RunCollectionSummary>> collect)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async display =>
                {
                    var task = display.AddTask(Markup.Escape($"collecting {runName}: {sites} sites"), maxValue: sites);
                    var pages = 0;
                    return await collect(new Reporter(site =>
                    {
                        pages += site.Pages;
                        task.Description = Markup.Escape($"collecting {runName}: {pages} pages, last {site.Site.Host}");
                        task.Increment(1);
                    }));
                });
        }

        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        int done = 0, total = 0;
        var gate = new object();
        return await collect(new Reporter(site =>
        {
            lock (gate)
            {
                done++;
                total += site.Pages;
                if (watch.Elapsed - last < LogEvery && done < sites)
                {
                    return;
                }

                last = watch.Elapsed;
                var eta = TimeSpan.FromSeconds(watch.Elapsed.TotalSeconds / done * (sites - done));
                console.WriteLine($"collect {runName}: {done}/{sites} sites, {total} pages, {watch.Elapsed:mm\\:ss} elapsed, ETA {eta:mm\\:ss}");
            }
        }));
    }

    /// <summary>Reports synchronously: Progress&lt;T&gt; would post to the thread pool and could print after the summary.</summary>
    private sealed class Reporter(Action<SiteCollected> report) : IProgress<SiteCollected>
    {
        private readonly object gate = new();

        public void Report(SiteCollected value)
        {
            lock (gate)
            {
                report(value);
            }
        }
    }
}
