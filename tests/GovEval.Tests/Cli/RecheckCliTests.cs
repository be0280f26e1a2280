using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GovEval.Cli.Collection;
using GovEval.Collect.Probes;
using GovEval.Core.Registry;
using GovEval.Sandbox.Server;
using GovEval.Store;

namespace GovEval.Tests.Cli;

/// <summary>
/// One collection of simulated sites, then the simulated web stopped: every `recheck` below judges from the stored
/// observations alone (pages reloaded from the run's WARC files), so a test that passes proves no network was needed.
/// Each test works on its own run made from the collected one (`collect --reuse`), so they do not disturb each other.
/// </summary>
public sealed class RecheckCliTests(RecheckCliTests.CollectedRun collected) : IClassFixture<RecheckCliTests.CollectedRun>
{
    private CliWorkspace Workspace => collected.Workspace;

    [Fact]
    public async Task Rechecking_with_the_web_stopped_gives_the_findings_and_sheets_of_the_collection_and_keeps_them_as_a_revision()
    {
        var run = await collected.CopyAsync("same");
        await using var store = await collected.OpenStoreAsync();
        var findings = Snapshot(await store.ObservationsAsync(run));
        var sheets = (await store.ScoreSheetsAsync(run)).Select(s => GovEval.Store.ScoreSheetJson.Write(s)).ToList();
        var listedBefore = (await Workspace.RunOkAsync("findings", "--run", run, "--format", "json")).Out;

        var recheck = await Workspace.RunOkAsync("recheck", "--run", run);

        Assert.Contains("no network", recheck.Out);
        Assert.Contains("kept as revision 0", recheck.Out);
        Assert.NotEmpty(findings);
        Assert.Equal(findings, Snapshot(await store.ObservationsAsync(run)));
        AssertSame(sheets, (await store.ScoreSheetsAsync(run)).Select(s => GovEval.Store.ScoreSheetJson.Write(s)).ToList());
        Assert.Equal(1, (await store.RunAsync(run)).Revision);
        var revisions = await store.RevisionsAsync(run);
        Assert.Equal(0, Assert.Single(revisions).Revision);
        Assert.Equal(listedBefore, (await Workspace.RunOkAsync("findings", "--run", run, "--revision", "0", "--format", "json")).Out);
    }

    [Fact]
    public async Task A_changed_framework_rechecked_as_a_new_run_rescores_and_leaves_the_source_as_it_was()
    {
        var run = await collected.CopyAsync("source");
        var shipped = File.ReadAllText(Path.Combine(CliWorkspace.RepoRoot(), "frameworks", "gov-website-check-2019.yaml"));
        var changed = shipped
            .Replace("id: gov-website-check-2019", "id: strict-check", StringComparison.Ordinal)
            .Replace("{ finding: links.broken-homepage, each: 1 }", "{ finding: links.broken-homepage, each: 3 }", StringComparison.Ordinal);
        Assert.NotEqual(shipped.Replace("id: gov-website-check-2019", "id: strict-check", StringComparison.Ordinal), changed);
        var framework = Workspace.Write("strict-check.yaml", changed);
        await using var store = await collected.OpenStoreAsync();
        var before = (await store.ScoreSheetsAsync(run)).ToDictionary(s => s.UnitCode, s => s.Total);
        var findings = Snapshot(await store.ObservationsAsync(run));

        var result = await Workspace.RunOkAsync("recheck", "--run", run, "--framework", framework, "--as", "strict");

        var strict = await store.RunAsync("strict");
        Assert.Contains($"into the new run {strict.Id}", result.Out);
        Assert.Equal(Path.GetFullPath(framework), strict.FrameworkId);
        Assert.Equal(findings, Snapshot(await store.ObservationsAsync(strict.Id)));
        var after = (await store.ScoreSheetsAsync(strict.Id)).ToDictionary(s => s.UnitCode, s => s.Total);
        var broken = (await store.ObservationsAsync(run)).Where(o => o.Findings.Any(f => f.Rule == "links.broken-homepage")).Select(o => o.UnitCode).ToList();
        Assert.NotEmpty(broken);
        Assert.Contains(broken, code => after[code] < before[code]);
        // The source is untouched: same sheets, no revision; the new run can itself be rechecked (its files are in place).
        Assert.Equal(before, (await store.ScoreSheetsAsync(run)).ToDictionary(s => s.UnitCode, s => s.Total));
        Assert.Equal(0, (await store.RunAsync(run)).Revision);
        await Workspace.RunOkAsync("recheck", "--run", strict.Id);
        Assert.Equal(after, (await store.ScoreSheetsAsync(strict.Id)).ToDictionary(s => s.UnitCode, s => s.Total));
    }

    [Fact]
    public async Task A_shorter_news_period_in_a_copied_framework_gives_the_stale_columns_the_truth_predicts_with_no_network()
    {
        var run = await collected.CopyAsync("seven-days");
        await using var store = await collected.OpenStoreAsync();
        var before = Findings(await store.ObservationsAsync(run));
        // Columns the collection saw (60 pages a site): the truth's columns beyond them were never read.
        var crawled = Directory.GetFiles(Path.Combine(Workspace.Folder, "data", "runs", run, "observations"), "*.json.gz")
            .SelectMany(f => GovEval.Collect.Stored.ObservationFile.Read(f).Pages)
            .Select(p => HostPath(p.Url))
            .ToHashSet(StringComparer.Ordinal);
        var expected = collected.StaleInThreeDays.Except(collected.StaleNationally).Where(crawled.Contains).Order(StringComparer.Ordinal).ToList();
        var added = collected.StaleInThreeDays.Except(collected.StaleNationally).ToList();
        Assert.True(expected.Count > 0, $"{added.Count} columns stale only in 3 days ({string.Join(" ", added.Take(5))}); crawled {crawled.Count} ({string.Join(" ", crawled.Take(5))})");

        await Workspace.RunOkAsync("recheck", "--run", run, "--framework", collected.ShortNewsFramework);

        var after = Findings(await store.ObservationsAsync(run));
        Assert.Empty(before.Except(after));
        var appeared = after.Except(before).ToList();
        Assert.Equal(expected, appeared.Where(f => f.StartsWith("freshness.column ", StringComparison.Ordinal)).Select(f => f["freshness.column ".Length..]).Order(StringComparer.Ordinal));
        Assert.All(appeared, f => Assert.True(f.StartsWith("freshness.column ", StringComparison.Ordinal) || f.StartsWith("veto.columns-stale ", StringComparison.Ordinal), f));
        Assert.Contains((await store.ObservationsAsync(run)).SelectMany(o => o.Findings), f => f.Rule == "freshness.column" && f.Message.Contains("超过3天未更新", StringComparison.Ordinal));
        Assert.Equal(Path.GetFullPath(collected.ShortNewsFramework), (await store.RunAsync(run)).FrameworkId);
    }

    [Fact]
    public async Task A_recheck_killed_part_way_leaves_the_previous_findings_and_sheets_whole()
    {
        var run = await collected.CopyAsync("killed");
        await using var store = await collected.OpenStoreAsync();
        var findings = Snapshot(await store.ObservationsAsync(run));
        var sheets = (await store.ScoreSheetsAsync(run)).Select(s => GovEval.Store.ScoreSheetJson.Write(s)).ToList();

        // Killed once a unit is judged, and again later, so the kill lands while units are judged and while storing.
        foreach (var units in new[] { 1, collected.Sites - 1 })
        {
            using var child = Start("recheck", "--run", run, "--concurrency", "1");
            var killed = false;
            while (await child.StandardError.ReadLineAsync() is { } line)
            {
                if (line.StartsWith($"rechecked {units} units", StringComparison.Ordinal))
                {
                    child.Kill(entireProcessTree: true);
                    killed = true;
                    break;
                }
            }

            await child.WaitForExitAsync();
            Assert.True(killed, "the recheck ended before it could be killed");
            Assert.NotEqual(0, child.ExitCode);
            Assert.Equal(0, (await store.RunAsync(run)).Revision);
            Assert.Equal(findings, Snapshot(await store.ObservationsAsync(run)));
            Assert.Equal(sheets, (await store.ScoreSheetsAsync(run)).Select(s => GovEval.Store.ScoreSheetJson.Write(s)).ToList());
            Assert.Empty(await store.RevisionsAsync(run));
        }

        await Workspace.RunOkAsync("recheck", "--run", run);
        Assert.Equal(findings, Snapshot(await store.ObservationsAsync(run)));
        Assert.Equal(1, (await store.RunAsync(run)).Revision);
    }

    [Fact]
    public async Task Findings_are_listed_with_their_evidence_as_json_csv_and_a_table_and_filtered_by_unit_and_rule()
    {
        var run = collected.Collected;
        await using var store = await collected.OpenStoreAsync();
        var observations = await store.ObservationsAsync(run);
        var unit = observations.First(o => o.Findings.Any(f => f.Evidence is not null));
        var rule = unit.Findings.First(f => f.Evidence is not null).Rule;

        var json = JsonDocument.Parse((await Workspace.RunOkAsync("findings", "--run", run, "--unit", unit.UnitCode, "--format", "json")).Out).RootElement;
        Assert.Equal(unit.Findings.Count, json.GetArrayLength());
        var first = json.EnumerateArray().First(e => e.GetProperty("evidence").ValueKind == JsonValueKind.Object);
        Assert.Equal(run, first.GetProperty("run").GetString());
        Assert.Equal(unit.UnitCode, first.GetProperty("unit").GetString());
        var evidence = first.GetProperty("evidence");
        Assert.EndsWith(".warc.gz", evidence.GetProperty("warc").GetString());
        Assert.StartsWith("urn:uuid:", evidence.GetProperty("record").GetString());
        Assert.Equal(64, evidence.GetProperty("sha256").GetString()!.Length);
        // The offset opens the record without scanning the file: it is the record the finding names.
        var warc = Path.Combine(Workspace.Folder, "data", "runs", run, "warc", evidence.GetProperty("warc").GetString()!);
        var record = GovEval.Collect.Warc.WarcReader.ReadAt(warc, evidence.GetProperty("offset").GetInt64());
        Assert.Equal(evidence.GetProperty("record").GetString(), record!.RecordId);

        var csv = (await Workspace.RunOkAsync("findings", "--run", run, "--rule", rule, "--format", "csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run,unit,rule,severity,url,page,message,warc,record,offset,sha256,capturedAt", csv[0]);
        Assert.Equal(observations.Sum(o => o.Findings.Count(f => f.Rule == rule)), csv.Length - 1);
        var family = rule[..(rule.IndexOf('.') + 1)];
        var table = await Workspace.RunOkAsync("findings", "--run", run, "--rule", family);
        Assert.Equal(observations.Sum(o => o.Findings.Count(f => f.Rule.StartsWith(family, StringComparison.Ordinal))), table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("findings of", table.Error);

        var unknown = await Workspace.RunAsync("findings", "--run", run, "--unit", "999999");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("--unit", unknown.Error);
        var revision = await Workspace.RunAsync("findings", "--run", run, "--revision", "7");
        Assert.Equal(2, revision.Code);
        Assert.Contains("no revision 7", revision.Error);
    }

    [Fact]
    public async Task A_damaged_observation_file_is_refused_naming_it_and_nothing_is_replaced()
    {
        var run = await collected.CopyAsync("damaged");
        var folder = Path.Combine(Workspace.Folder, "data", "runs", run, "observations");
        var file = Directory.GetFiles(folder, "*.json.gz").Order(StringComparer.Ordinal).First();
        File.WriteAllBytes(file, [0x1f, 0x8b, 8, 0, 1, 2, 3]);
        await using var store = await collected.OpenStoreAsync();
        var findings = Snapshot(await store.ObservationsAsync(run));

        var result = await Workspace.RunAsync("recheck", "--run", run);

        Assert.Equal(2, result.Code);
        Assert.Contains(Path.GetFileName(file), result.Error);
        Assert.Contains("not a stored observation file", result.Error);
        Assert.Equal(findings, Snapshot(await store.ObservationsAsync(run)));
        Assert.Equal(0, (await store.RunAsync(run)).Revision);
    }

    /// <summary>"rule host/path" of every finding (the scheme left out: a site may answer over HTTPS).</summary>
    private static HashSet<string> Findings(IReadOnlyList<UnitObservations> observations) =>
        observations.SelectMany(o => o.Findings).Select(f => $"{f.Rule} {HostPath(f.Url)}").ToHashSet(StringComparer.Ordinal);

    private static string HostPath(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath : url;

    /// <summary>Equal lists of texts; on a difference, shows where the first pair parts.</summary>
    private static void AssertSame(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var at = expected[i].Zip(actual[i]).TakeWhile(p => p.First == p.Second).Count();
            Assert.True(expected[i] == actual[i], $"item {i} parts at {at}: expected …{expected[i][Math.Max(0, at - 80)..Math.Min(expected[i].Length, at + 120)]}… actual …{actual[i][Math.Max(0, at - 80)..Math.Min(actual[i].Length, at + 120)]}…");
        }
    }

    /// <summary>Every finding with all it says, and every measurement and not-measured reason, by unit.</summary>
    private static List<string> Snapshot(IReadOnlyList<UnitObservations> observations) =>
        observations.SelectMany(o => o.Findings.Select(f => $"{o.UnitCode}|{o.ChannelUrl}|{f.Rule}|{f.Severity}|{f.Url}|{f.Page}|{f.Message}|{f.Evidence?.Warc}|{f.Evidence?.Record}|{f.Evidence?.Sha256}|{f.Evidence?.CapturedAt:O}")
                .Concat(o.Measurements.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{o.UnitCode}|m|{m.Key}|{m.Value.ToString(CultureInfo.InvariantCulture)}"))
                .Concat(o.NotMeasured.Select(n => $"{o.UnitCode}|n|{n.Rule}|{n.Reason}")))
            .ToList();

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "goveval.dll"));
        foreach (var arg in args.Concat(["--db", Workspace.Db]))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>A run of simulated sites collected and scored once; the simulated web is stopped afterwards.</summary>
    public sealed class CollectedRun : IAsyncLifetime
    {
        public int Sites => 12;

        private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(864) * 1_859_608 + TimeSpan.FromSeconds(432);

        public CliWorkspace Workspace { get; } = new();

        public string Collected { get; private set; } = "";

        /// <summary>The national framework with news columns due within 3 days instead of 14 (the simulated web has news 3 to 13 days old).</summary>
        public string ShortNewsFramework { get; private set; } = "";

        /// <summary>"host/path" of the columns the simulated web's truth calls stale under the national numbers, and under 3-day news.</summary>
        public IReadOnlySet<string> StaleNationally { get; private set; } = new HashSet<string>();

        public IReadOnlySet<string> StaleInThreeDays { get; private set; } = new HashSet<string>();

        public async Task InitializeAsync()
        {
            var registry = UnitRegistry.ForYear(2020);
            var units = registry.Members(registry.Cohort("prefecture-city")).Take(Sites).Select(u => u.Code).ToList();
            await using var server = new SandboxServer(new SandboxOptions
            {
                PortalUnits = units,
                Seed = 23,
                Now = Now,
                Clock = new CompressedClock(Now),
                DelayScale = 0.01,
                HomepageFailureDelay = TimeSpan.FromSeconds(100),
            });
            await server.StartAsync();
            var routes = Workspace.Write("routes.txt", string.Join('\n', server.Routes()));
            var ipv6 = Workspace.Write("ipv6-routes.txt", string.Join('\n', server.Ipv6Routes()));
            var ca = Workspace.Write("ca.pem", server.CertificateAuthorityPem);
            var channels = Workspace.Write("websites.csv", "code,channel,url,portal\n" + string.Join('\n', server.Population.Sites.Select(s => $"{s.Unit.Code},website,http://{s.Host}/,是")));
            await Workspace.RunOkAsync("registry", "import", channels);
            Workspace.Write("sample.txt", string.Join('\n', units));
            Collected = await CreateAsync("collected");
            await Workspace.RunOkAsync("collect", "--run", Collected, "--connect-to-file", routes, "--ipv6-routes", ipv6, "--ca", ca, "--no-politeness", "--max-pages", "60", "--concurrency", "6");
            await Workspace.RunOkAsync("score", "--run", Collected);
            var national = ShippedRules.Text(ShippedRules.NationalId);
            Assert.Contains("  news-period-days: 14\n", national);
            ShortNewsFramework = Workspace.Write("three-day-news.yaml", national
                .Replace("id: gov-website-check-2019", "id: three-day-news", StringComparison.Ordinal)
                .Replace("  news-period-days: 14\n", "  news-period-days: 3\n", StringComparison.Ordinal));
            StaleNationally = Stale(server.Truth(ShippedRules.Checks));
            StaleInThreeDays = Stale(server.Truth(Core.Frameworks.FrameworkLoader.LoadFile(ShortNewsFramework).Checks!));
            // The server is disposed here: from now on nothing answers at the simulated sites' addresses.
        }

        public Task DisposeAsync()
        {
            Workspace.Dispose();
            return Task.CompletedTask;
        }

        private static HashSet<string> Stale(Sandbox.Truth.SandboxTruth truth) => truth.Sites.SelectMany(s => s.Defects)
            .Where(d => d.Rule == "freshness.column")
            .Select(d => new Uri(d.Url))
            .Select(u => u.Host + u.AbsolutePath)
            .ToHashSet(StringComparer.Ordinal);

        public Task<GovEvalStore> OpenStoreAsync() => GovEvalStore.OpenAsync(StoreConnection.Parse(Workspace.Db));

        /// <summary>A new run holding the collected run's observations and scores.</summary>
        public async Task<string> CopyAsync(string name)
        {
            var run = await CreateAsync(name);
            await Workspace.RunOkAsync("collect", "--run", run, "--reuse", Collected);
            await Workspace.RunOkAsync("score", "--run", run);
            return run;
        }

        private async Task<string> CreateAsync(string name) =>
            (await Workspace.RunOkAsync("runs", "create", "--name", name, "--framework", "gov-website-check-2019", "--cohort", "prefecture-city",
                "--units", Path.Combine(Workspace.Folder, "sample.txt"), "--now", Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))).Out.Trim();
    }
}
