using GovEval.Collect.Crawling;

namespace GovEval.LinkCheck;

/// <summary>
/// A one-line progress display on a terminal, redrawn twice a second: a polite crawl of a large site takes long
/// enough that silence looks like a hang. Nothing is drawn when standard error is a file or a pipe (a CI log).
/// </summary>
internal sealed class ProgressLine : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TextWriter output;
    private readonly Task drawing;
    private int drawn;

    private ProgressLine(CrawlProgress progress, TextWriter output, string site)
    {
        this.output = output;
        drawing = DrawAsync(progress, site);
    }

    public static ProgressLine? Start(CrawlProgress progress, TextWriter stderr, string site) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new ProgressLine(progress, stderr, site) : null;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await drawing;
        stop.Dispose();
        output.Write("\r" + new string(' ', drawn) + "\r");
    }

    private async Task DrawAsync(CrawlProgress progress, string site)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var line = $"{site}: {progress.Done} of {progress.Found} pages found so far";
                output.Write("\r" + line.PadRight(drawn));
                drawn = Math.Max(drawn, line.Length);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
