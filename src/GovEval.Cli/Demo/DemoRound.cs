using System.Diagnostics;
using System.Globalization;
using GovEval.Checks;
using GovEval.Checks.Availability;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Truth;
using GovEval.Store;
using Spectre.Console;

namespace GovEval.Cli.Demo;

/// <summary>What the demo left behind, for the console summary and the tests.</summary>
public sealed record DemoResult(string Folder, string Store, string Release, IReadOnlyDictionary<string, string> Runs, TimeSpan Elapsed);

/// <summary>
/// The whole 2020 round on the simulated government web, as an evaluator would run it with the goveval verbs: the
/// registry's websites, capability rounds for 2019 and 2020, the website performance round and the national check
/// over a sample of about 500 sites, a compressed monitoring window, collection, expert inputs, scores, the release.
/// Every step but the monitor is the real verb run in-process against the demo's own store (the monitor shares the
/// simulated web's clock, which only an in-process monitor can), and each is printed as the command a user would type.
/// </summary>
public sealed class DemoRound(IAnsiConsole console, DemoSettings settings)
{
    public static readonly string[] WebsiteCohorts =
        ["ministry-constituent", "ministry-other", "municipality", "province", "sub-provincial-city", "provincial-capital", "prefecture-city", "county"];

    public static readonly string[] CapabilityCohorts = ["provincial", "key-city"];

    private readonly Dictionary<string, string> runs = new(StringComparer.Ordinal);

    public async Task<DemoResult> RunAsync(CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var folder = Path.GetFullPath(settings.Folder);
        var data = Path.Combine(folder, "data");
        if (Directory.Exists(data))
        {
            // A demo always starts from an empty store: a half-finished earlier demo must not mix into this one.
            Directory.Delete(data, recursive: true);
        }

        Directory.CreateDirectory(data);
        var db = Path.Combine(data, "goveval.db");
        var inputs = DemoFiles.WriteTo(Path.Combine(folder, "inputs"), settings.Sites);
        var sample = DemoFiles.Sample(inputs);
        var verbs = new DemoVerbs(console, db);

        Step($"1/7 Starting the simulated government web: {sample.Count} government websites of the 2020 registry");
        var clock = new CompressedClock(settings.Now);
        await using var server = new SandboxServer(new SandboxOptions
        {
            PortalUnits = sample,
            Seed = settings.Seed,
            Now = settings.Now,
            Clock = clock,
            DelayScale = settings.DelayScale,
            // Scaled like every other delay, a failing homepage still stalls 20 real seconds: past the 15 s rule.
            HomepageFailureDelay = TimeSpan.FromSeconds(20) / settings.DelayScale,
        });
        await server.StartAsync(cancel);
        var web = WriteSandboxFiles(Path.Combine(folder, "sandbox"), server);
        console.MarkupLineInterpolated($"  [grey]http://127.0.0.1:{server.HttpPort}, https://127.0.0.1:{server.TlsPort}; ground truth: {web.Truth}[/]");

        Step("2/7 Registering each unit's website channel");
        var channels = WriteChannels(Path.Combine(inputs, "websites.csv"), server);
        await verbs.RunAsync(cancel, "registry", "import", channels, "--year", "2020");

        Step("3/7 Capability assessment: 64 provincial and key-city units, 2019 and 2020 from the bundled expert inputs, and 2020 again on the 2023 five-grade scale");
        runs["capability-2019"] = await CapabilityRunAsync(verbs, "2019年数字政府服务能力评估（演示）", Path.Combine(inputs, DemoFiles.Capability2019), "2019-11-30", cancel, 2019);
        runs["capability-2020"] = await CapabilityRunAsync(verbs, "2020年数字政府服务能力评估（演示）", Path.Combine(inputs, DemoFiles.Capability2020), "2020-11-30", cancel);

        // Frameworks are data: the same 2020 inputs graded on the five bands used from 2023, without collecting or re-entering anything.
        runs["capability-2023-scale"] = await CapabilityRunAsync(verbs, "2020年能力按2023年五级评定（演示）", Path.Combine(inputs, DemoFiles.Capability2020), "2020-11-30", cancel, framework: "digital-gov-capability-2023");

        Step("4/7 Website rounds over the eight website cohorts (the sample in inputs/website-sample.txt)");
        string[] cohortArgs = [.. WebsiteCohorts.SelectMany(c => new[] { "--cohort", c })];
        var now = settings.Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        runs["website-2020"] = await verbs.RunIdAsync(cancel, ["runs", "create", "--name", "第十九届政府网站绩效评估（演示）", "--framework", "gov-website-performance-2020",
            .. cohortArgs, "--units", Path.Combine(inputs, DemoFiles.WebsiteSample), "--now", now]);
        runs["website-check"] = await verbs.RunIdAsync(cancel, ["runs", "create", "--name", "2020年政府网站抽查（演示）", "--framework", "gov-website-check-2019",
            .. cohortArgs, "--units", Path.Combine(inputs, DemoFiles.WebsiteSample), "--now", now]);

        Step($"5/7 Monitoring homepage availability: {settings.MonitorVisits} visits per site on a compressed clock");
        await MonitorAsync(db, server, clock, [runs["website-2020"], runs["website-check"]], cancel);

        Step("6/7 Collecting and checking every website (crawl, links, freshness, interaction, services, search, security, IPv6, typos, PII)");
        string[] network = ["--connect-to-file", web.Routes, "--ipv6-routes", web.Ipv6Routes, "--ca", web.Ca, "--no-politeness",
            "--max-pages", settings.MaxPages.ToString(CultureInfo.InvariantCulture), "--concurrency", settings.Concurrency.ToString(CultureInfo.InvariantCulture)];
        await verbs.RunAsync(cancel, ["collect", "--run", runs["website-2020"], .. network]);
        await verbs.RunAsync(cancel, "collect", "--run", runs["website-check"], "--reuse", runs["website-2020"]);

        await verbs.RunAsync(cancel, "inputs", "import", "--run", runs["website-2020"], Path.Combine(inputs, DemoFiles.Website2020));
        await verbs.RunAsync(cancel, "inputs", "import", "--run", runs["website-check"], Path.Combine(inputs, DemoFiles.WebsiteCheck));
        await verbs.RunAsync(cancel, "score", "--run", runs["website-2020"]);
        await verbs.RunAsync(cancel, "score", "--run", runs["website-check"]);

        Step("7/7 Publishing the release");
        var release = Path.Combine(folder, "release");
        await verbs.RunAsync(cancel, "publish", "--title", "2020年数字政府服务能力评估结果（演示）",
            "--run", runs["capability-2020"], "--compare", $"{runs["capability-2020"]}={runs["capability-2019"]}",
            "--run", runs["website-2020"], "--run", runs["website-check"], "--out", release);
        return new DemoResult(folder, db, release, runs, watch.Elapsed);
    }

    private static async Task<string> CapabilityRunAsync(DemoVerbs verbs, string name, string inputs, string now, CancellationToken cancel, int year = 2020, string framework = "digital-gov-capability-2020")
    {
        var run = await verbs.RunIdAsync(cancel, "runs", "create", "--name", name, "--framework", framework,
            "--cohort", CapabilityCohorts[0], "--cohort", CapabilityCohorts[1], "--now", now, "--year", year.ToString(CultureInfo.InvariantCulture));
        await verbs.RunAsync(cancel, "inputs", "import", "--run", run, inputs);
        await verbs.RunAsync(cancel, "score", "--run", run);
        return run;
    }

    /// <summary>
    /// One visit per site in each of <see cref="DemoSettings.MonitorVisits"/> consecutive slots of the simulated web's
    /// availability schedule, so each site's failure share is seen as its truth states it. Stored in both website runs.
    /// </summary>
    private async Task MonitorAsync(string db, SandboxServer server, CompressedClock clock, IReadOnlyList<string> runIds, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var homepages = server.Population.Sites.ToDictionary(s => $"http://{s.Host}/", s => s.Unit.Code, StringComparer.Ordinal);
        using var fetcher = new Fetcher(new FetchOptions
        {
            ConnectTo = ConnectToRules.Parse(server.Routes()),
            ExtraRootsPem = [server.CertificateAuthorityPem],
            Politeness = false,
        });

        // The frameworks' homepage timeout (both website runs state the national 15 s rule), in real seconds: the
        // compressed clock only skips the hours between visits.
        var timeout = FrameworkCatalog.Get("gov-website-check-2019").Checks!.HomepageTimeout;
        var sampler = new HomepageSampler(fetcher, new SamplerOptions { FailAfter = timeout }, clock);
        await sampler.WarmUpAsync([.. homepages.Keys], cancel);
        IReadOnlyDictionary<string, IReadOnlyList<AvailabilitySample>> samples = new Dictionary<string, IReadOnlyList<AvailabilitySample>>();
        await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async display =>
            {
                var task = display.AddTask("monitoring", maxValue: settings.MonitorVisits);
                samples = await new DemoMonitor(server, clock, sampler).RunAsync([.. homepages.Keys], settings.MonitorVisits, _ => task.Increment(1), cancel);
            });

        // Counted as the checks of `collect` will count them.
        var failures = samples.Values.Sum(s => AvailabilityShare.Count(s, CheckOptions.From(FrameworkCatalog.Get("gov-website-check-2019"))).Failures);
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(db), cancel: cancel);
        foreach (var run in runIds)
        {
            foreach (var (home, taken) in samples)
            {
                await store.AddAvailabilitySamplesAsync(run, homepages[home], taken, cancel);
            }
        }

        console.MarkupLineInterpolated($"  [grey]{samples.Values.Sum(s => s.Count)} visits, {failures} failed the 15 s rule, in {watch.Elapsed.TotalSeconds:0} s[/]");
    }

    private static (string Routes, string Ipv6Routes, string Ca, string Truth) WriteSandboxFiles(string folder, SandboxServer server)
    {
        Directory.CreateDirectory(folder);
        var routes = Path.Combine(folder, "routes.txt");
        var ipv6 = Path.Combine(folder, "ipv6-routes.txt");
        var ca = Path.Combine(folder, "ca.pem");
        var truth = Path.Combine(folder, "truth.json");
        File.WriteAllLines(routes, server.Routes());
        File.WriteAllLines(ipv6, server.Ipv6Routes());
        File.WriteAllText(ca, server.CertificateAuthorityPem);
        TruthWriter.WriteFile(truth, server);
        return (routes, ipv6, ca, truth);
    }

    /// <summary>The registry import a supervisor would keep: each unit's portal, and whether it offers services.</summary>
    private static string WriteChannels(string path, SandboxServer server)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("code,channel,channel-name,url,portal,services");
        foreach (var entry in server.Population.Sites)
        {
            var site = server.Site(entry);
            writer.WriteLine($"{entry.Unit.Code},website,{entry.Name},http://{entry.Host}/,{(entry.IsPortal ? "是" : "否")},{(site.HasServices ? "是" : "否")}");
        }

        return path;
    }

    private void Step(string text) => console.Write(new Rule($"[bold]{Markup.Escape(text)}[/]") { Justification = Justify.Left });
}

/// <summary>How the demo runs; the defaults finish in a few minutes on two cores.</summary>
public sealed class DemoSettings
{
    public required string Folder { get; init; }

    public DateTimeOffset Now { get; init; } = new(2020, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

    public long Seed { get; init; } = 2020;

    /// <summary>The simulated web's delays and the monitor's 15 s rule shrink by this factor together.</summary>
    public double DelayScale { get; init; } = 0.01;

    /// <summary>One cycle of the simulated web's availability schedule (a day at one visit per 14.4 minutes).</summary>
    public int MonitorVisits { get; init; } = 100;

    public int MaxPages { get; init; } = 200;

    /// <summary>Thin the bundled sample of 487 websites to about this many (null: all), for a quicker look or a test.</summary>
    public int? Sites { get; init; }

    public int Concurrency { get; init; } = 16;
}
