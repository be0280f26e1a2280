using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GovEval.Cli.Collection;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Warc;
using GovEval.Core.Errors;

namespace GovEval.LinkCheck;

/// <summary>
/// <c>goveval-links URL</c>: crawl one site and check every link on it, the way <c>goveval check</c> crawls (same
/// fetcher, scope, traps, robots.txt and fault classification), without the other checks or a score. Problem links
/// go to standard output as CSV with their evidence, a summary to standard error.
/// Exit codes as goveval's: 0 ran (whatever was found), 2 bad input naming the argument, 1 an internal error; with
/// --fail-on-broken, 3 when the site has a broken link (a CI job's gate).
/// </summary>
public static class LinkCheckCommand
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
    public const int BrokenLinks = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var url = new Argument<string>("URL") { Description = "The site's homepage, e.g. https://www.example.gov.cn/" };
        var warc = new Option<DirectoryInfo?>("--warc") { Description = "Archive every response as WARC 1.1 in this folder; each CSV row then names its record" };
        var maxPages = new Option<int>("--max-pages") { Description = "Crawl at most this many pages of the site", DefaultValueFactory = _ => 10_000 };
        var maxDepth = new Option<int>("--max-depth") { Description = "Follow links at most this many clicks from the homepage", DefaultValueFactory = _ => 50 };
        var parallelism = new Option<int>("--parallelism") { Description = "Pages fetched at once (politeness still limits what reaches the site)", DefaultValueFactory = _ => 8 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a request may take (the national rules' 15 s)", DefaultValueFactory = _ => 15 };
        var all = new Option<bool>("--all") { Description = "List every link, not only those the site is at fault for" };
        var noSitemap = new Option<bool>("--no-sitemap") { Description = "Do not seed the crawl from the site's sitemaps" };
        var failOnBroken = new Option<bool>("--fail-on-broken") { Description = "Exit with code 3 when the site has a broken link (for CI jobs)" };
        var network = new NetworkOptions();
        var root = new RootCommand("goveval-links: crawl a government website and check every link on it, with WARC evidence.")
        {
            url, warc, maxPages, maxDepth, parallelism, timeout, all, noSitemap, failOnBroken,
            network.ConnectTo, network.ConnectToFile, network.Ca, network.Contact, network.NoPoliteness,
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"goveval-links: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'goveval-links --help' for usage.");
            return BadInput;
        }

        if (parse.Action is not null)
        {
            // --help or --version: the root command has no action of its own.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        }

        try
        {
            var homepage = SiteHomepage.Parse(parse.GetValue(url)!);
            var progress = new CrawlProgress();
            var crawl = new CrawlOptions
            {
                Progress = progress,
                MaxPages = AtLeast(parse.GetValue(maxPages), 1, "--max-pages"),
                MaxDepth = AtLeast(parse.GetValue(maxDepth), 0, "--max-depth"),
                Parallelism = AtLeast(parse.GetValue(parallelism), 1, "--parallelism"),
                UseSitemap = !parse.GetValue(noSitemap),
                KeepHtml = false,
            };
            var seconds = parse.GetValue(timeout);
            if (!(seconds > 0 && seconds <= 600))
            {
                throw new InputException("--timeout", $"must be more than 0 and at most 600 seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}");
            }

            // Every argument is checked before the archive is opened: bad input leaves no WARC file behind.
            var fetch = network.Fetch(parse, null);
            using var archive = parse.GetValue(warc) is { } folder ? OpenWarc(folder) : null;
            using var fetcher = new Fetcher(fetch with
            {
                Warc = archive,
                Timeout = TimeSpan.FromSeconds(seconds),
                MaxConnectionsPerServer = Math.Max(crawl.Parallelism, 2),
            });

            var watch = Stopwatch.StartNew();
            CrawlResult result;
            using var interrupted = new CancellationTokenSource();
            void Stop(PosixSignalContext signal)
            {
                // Ctrl-C, or a CI job's timeout (SIGTERM), stops the crawl; the WARC file is closed after its last whole record.
                signal.Cancel = true;
                interrupted.Cancel();
            }

            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop))
            using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop))
            await using (ProgressLine.Start(progress, stderr, new Uri(homepage).Host))
            {
                result = await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), crawl).CrawlAsync(homepage, DateTimeOffset.Now, interrupted.Token);
            }

            watch.Stop();
            var rows = LinkCsv.Write(stdout, result, parse.GetValue(all));
            await stdout.FlushAsync();
            await stderr.WriteLineAsync(LinkSummary.Line(result, rows, watch.Elapsed, archive));
            return parse.GetValue(failOnBroken) && result.Links.Any(l => l.Outcome is { IsSiteFault: true }) ? BrokenLinks : Ok;
        }
        catch (InputException e)
        {
            await stderr.WriteLineAsync($"goveval-links: {e.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("goveval-links: interrupted; no links were listed");
            return InternalError;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"goveval-links: internal error: {e}");
            return InternalError;
        }
    }

    private static int AtLeast(int value, int minimum, string option) =>
        value >= minimum ? value : throw new InputException(option, $"must be at least {minimum}, got {value}");

    private static WarcWriter OpenWarc(DirectoryInfo folder)
    {
        try
        {
            return new WarcWriter(folder.FullName, "goveval-links");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("--warc", $"cannot write WARC files in '{folder.FullName}': {e.Message}");
        }
    }
}
