using System.CommandLine;
using System.Diagnostics;
using GovEval.Checks;
using GovEval.Cli.Collection;
using GovEval.Collect;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Collect.Warc;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Rules;
using GovEval.Publish.SiteReports;
using Spectre.Console;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval check URL</c>: what a site operator runs before an inspection — crawl the site, run every check, score
/// it with the national check (or another framework) and write report.json and report.html with the evidence.
/// Exit 0 whatever the verdict: a failing site is a result, not an error.
/// </summary>
public sealed class CheckCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "The site's homepage, e.g. https://www.example.gov.cn/" };
        var framework = new Option<string>("--framework") { Description = $"Framework id ({string.Join(", ", FrameworkCatalog.Ids)}) or a .yaml file; it scores the site, and its checks block states the rules' numbers the checks use (timeouts, update periods, veto counts)", DefaultValueFactory = _ => "gov-website-check-2019" };
        var maxPages = new Option<int>("--max-pages") { Description = "Crawl at most this many pages of the site", DefaultValueFactory = _ => 2000 };
        var now = new Option<string?>("--now") { Description = "Assessment clock, ISO 8601 (without an offset +08:00); default: the current time" };
        var output = new Option<string?>("--out") { Description = "Where report.json, report.html and the WARC evidence go; default: ./goveval-check/HOST" };
        var monitorLog = new Option<FileInfo?>("--monitor-log") { Description = "Availability samples of `goveval monitor` to use instead of a short sample" };
        var portal = new Option<bool?>("--portal") { Description = "Whether the site is a portal (bonus part applies); default: a www.<x>.gov.cn host is" };
        var noServices = new Option<bool>("--no-services") { Description = "The unit offers no external services: 办事服务 is not applicable (its points go to the rest of Part 2 as the framework says: × 4/3 in the national check)" };
        var network = new NetworkOptions();
        var limits = new LimitOptions();
        var command = new Command("check", "Crawl one site, check it against the national rules and write report.json and report.html with evidence.")
        {
            url, framework, maxPages, now, output, monitorLog, portal, noServices,
        };
        network.AddTo(command);
        limits.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var homepage = SiteHomepage.Parse(parse.GetValue(url)!);
            var chosen = FrameworkCatalog.Get(parse.GetValue(framework)!);
            var pages = parse.GetValue(maxPages);
            if (pages < 1)
            {
                throw new InputException("--max-pages", $"must be at least 1, got {pages}");
            }

            var clock = parse.GetValue(now) is { } text ? RunsCommands.ParseClock(text) : DateTimeOffset.Now;
            var host = new Uri(homepage).Host;
            var siteBudget = limits.Budget(parse);
            var linksPerPage = limits.LinksPerPage(parse);
            // The framework that scores the site also states the numbers its checks judge with (its checks block).
            var checkOptions = CheckOptions.From(chosen) with { PageParseTimeout = limits.ParseTimeout(parse) };
            var log = parse.GetValue(monitorLog) is { } logFile
                ? logFile.Exists ? new SampleLog(logFile.FullName) : throw new InputException("--monitor-log", $"file '{logFile.FullName}' does not exist")
                : null;
            var ipv6 = network.Ipv6(parse);
            var outDir = OutputPaths.CreateFolder(parse.GetValue(output) ?? Path.Combine("goveval-check", host), "--out");
            var warcDir = Path.Combine(outDir, "warc");

            var started = DateTimeOffset.Now;
            using var budget = new SiteBudget(siteBudget);
            var console = Console(context);
            SiteAssessment? assessment = null;
            await console.Status().StartAsync($"Checking {homepage}", async status =>
            {
                using var warc = new WarcWriter(warcDir);
                using var fetcher = new Fetcher(network.Fetch(parse, warc));
                using var collector = new SiteCollector(fetcher);
                status.Status($"Crawling {host} (up to {pages} pages), probing search, HTTPS, IPv6 and availability");
                var watch = Stopwatch.StartNew();
                var observation = await collector.CollectAsync(homepage, clock, new CollectOptions
                {
                    Crawl = new CrawlOptions { MaxPages = pages, JournalDirectory = Path.Combine(outDir, "journal"), MaxLinksPerPage = linksPerPage, Budget = budget },
                    SampleLog = log,
                    ShortSample = SamplerOptions.Short(checkOptions.HomepageTimeout),
                    Ipv6Routes = ipv6,
                }, cancel);
                console.MarkupLineInterpolated($"[grey]collected {observation.Pages.Count} pages and {observation.Links.Count} links in {watch.Elapsed.TotalSeconds:0.0} s[/]");
                status.Status("Running the checks and scoring");
                assessment = SiteAssessor.Assess(chosen, host, SiteAssessor.StandaloneFacts(homepage, parse.GetValue(portal), !parse.GetValue(noServices)), observation, checkOptions, budget, cancel);
                if (budget.Exhausted)
                {
                    console.MarkupLineInterpolated($"[yellow]the site budget of {siteBudget} (--site-budget) ran out: what was not reached is reported as not measured[/]");
                }
            });

            using var checkContext = assessment!.Context;
            cancel.ThrowIfCancellationRequested();

            var report = SiteReportAssembler.Build(chosen, assessment!, started, DateTimeOffset.Now, fromMonitor: log?.Read(homepage).Count > 0);
            await WriteAsync(outDir, report, cancel);
            Summary(console, report);
            console.MarkupLineInterpolated($"report: [link]{Path.Combine(outDir, SiteReportHtml.FileName)}[/]  data: {Path.Combine(outDir, SiteReportJson.FileName)}  evidence: {warcDir}");
            return CommandLine.Ok;
        });
        yield return command;
    }

    internal static IAnsiConsole Console(CliContext context)
    {
        var terminal = ReferenceEquals(context.Out, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (!terminal)
        {
            // A log has no width: wrapping at Spectre's default 80 columns would split every path and command line.
            console.Profile.Width = 240;
        }

        return console;
    }

    /// <summary>Both files are written beside each other first, then moved in: a reader never sees half a report.</summary>
    private static async Task WriteAsync(string outDir, SiteReport report, CancellationToken cancel)
    {
        var json = Path.Combine(outDir, SiteReportJson.FileName + ".tmp");
        await using (var stream = File.Create(json))
        {
            SiteReportJson.Write(report, stream);
        }

        var html = Path.Combine(outDir, SiteReportHtml.FileName + ".tmp");
        await File.WriteAllTextAsync(html, SiteReportHtml.Render(report), cancel);
        File.Move(json, Path.Combine(outDir, SiteReportJson.FileName), overwrite: true);
        File.Move(html, Path.Combine(outDir, SiteReportHtml.FileName), overwrite: true);
    }

    private static void Summary(IAnsiConsole console, SiteReport report)
    {
        var sheet = report.Sheet;
        var table = new Table().Title($"{report.Site} — {report.Verdict}, {sheet.Total:0.#} / {sheet.Max:0.#}");
        table.AddColumn("part");
        table.AddColumn(new TableColumn("points").RightAligned());
        foreach (var part in sheet.Root.Children)
        {
            table.AddRow(Markup.Escape($"{part.Id} {part.Name}"), $"{part.Earned:0.##} / {part.Max:0.##}");
        }

        console.Write(table);
        var rules = new Table().Title($"{report.Findings.Count} findings, {report.NotMeasured.Count} not measured");
        rules.AddColumn("rule");
        rules.AddColumn("name");
        rules.AddColumn(new TableColumn("findings").RightAligned());
        foreach (var group in report.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rules.AddRow(Markup.Escape(group.Key), Markup.Escape(RuleCatalogue.All.FirstOrDefault(r => r.Id == group.Key)?.Name ?? ""), group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(rules);
        if (sheet.Vetoed)
        {
            console.MarkupLineInterpolated($"[red]single veto: {string.Join(", ", sheet.Vetoes)}[/]");
        }
    }
}
