using GovEval.Core.Errors;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;
using GovEval.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Tests.Store;

public sealed class GovEvalStoreTests : IAsyncLifetime
{
    private readonly StoreWorkspace workspace = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await workspace.DisposeAsync();

    private static NewRun Run(params string[] cohorts) =>
        new("round", "gov-website-check-2019", null, 2020, cohorts, new DateTimeOffset(2020, 12, 31, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task Opening_a_fresh_file_creates_its_folder_and_applies_every_migration()
    {
        Assert.False(Directory.Exists(workspace.Folder));

        await using (var store = await workspace.OpenAsync())
        {
            using var context = new SqliteGovEvalDbContext(SqliteGovEvalDbContext.Options($"Data Source={workspace.Db}"));
            Assert.NotEmpty(context.Database.GetMigrations());
            Assert.Equal(context.Database.GetMigrations(), await store.AppliedMigrationsAsync());
            Assert.False(context.Database.HasPendingModelChanges(), "the model changed without a migration: run dotnet ef migrations add");
        }

        Assert.True(File.Exists(workspace.Db));
        using var connection = new SqliteConnection($"Data Source={workspace.Db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in new[] { "Units", "Channels", "Runs", "RunCohorts", "Inputs", "Findings", "Measurements", "NotMeasured", "ScoreSheets", "Results" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task Reopening_keeps_the_data_and_applies_nothing_twice()
    {
        string id;
        await using (var store = await workspace.OpenAsync())
        {
            id = (await store.CreateRunAsync(Run("province"))).Id;
        }

        var again = await workspace.OpenAsync();

        var run = Assert.Single(await again.RunsAsync());
        Assert.Equal(id, run.Id);
        Assert.Equal(new DateTimeOffset(2020, 12, 31, 9, 0, 0, TimeSpan.FromHours(8)), run.Now);
        Assert.Equal(TimeSpan.FromHours(8), run.Now.Offset);
    }

    [Fact]
    public async Task Runs_are_found_by_id_or_unique_name()
    {
        var store = await workspace.OpenAsync();
        var a = await store.CreateRunAsync(Run("province"));
        var b = await store.CreateRunAsync(Run("municipality") with { Name = "other" });
        await store.CreateRunAsync(Run("county") with { Name = "other" });

        var found = await store.RunAsync(a.Id);
        Assert.Equal((a.Id, a.Name, a.Now, a.CreatedAt), (found.Id, found.Name, found.Now, found.CreatedAt));
        Assert.Equal(["province"], (await store.RunAsync("round")).Cohorts);
        var ambiguous = await Assert.ThrowsAsync<InputException>(() => store.RunAsync("other"));
        Assert.Contains(b.Id, ambiguous.Message);
        Assert.Equal("--run", ambiguous.Location);
    }

    [Fact]
    public async Task Observations_round_trip_and_saving_a_unit_again_replaces_it_whole()
    {
        var store = await workspace.OpenAsync();
        var run = await store.CreateRunAsync(Run("county"));
        var captured = new DateTimeOffset(2020, 12, 30, 10, 15, 0, TimeSpan.FromHours(8));
        var broken = new Finding("links.broken", Severity.Deduction, "https://a.gov.cn/x", "https://a.gov.cn/", "死链", new Evidence("a.warc.gz", "urn:uuid:1", "ab12", captured));
        await store.SaveObservationsAsync(run.Id, [
            new UnitObservations("110101", "https://a.gov.cn/", [broken, broken with { Url = "https://a.gov.cn/y", Evidence = null }],
                new Dictionary<string, decimal> { ["availability.share"] = 0.98765432109876543210m, ["pages"] = 1200 }, [new NotMeasured("a11y.contrast", "browser crashed")]),
            new UnitObservations("110102", null, [], new Dictionary<string, decimal> { ["pages"] = 3 }, []),
        ]);

        await store.SaveObservationsAsync(run.Id, [new UnitObservations("110102", null, [broken with { Rule = "freshness.homepage" }], new Dictionary<string, decimal>(), [])]);

        var stored = await store.ObservationsAsync(run.Id);
        Assert.Equal(["110101", "110102"], stored.Select(o => o.UnitCode));
        var first = stored[0];
        Assert.Equal("https://a.gov.cn/", first.ChannelUrl);
        Assert.Equal(broken, first.Findings[0]);
        Assert.Equal(captured, first.Findings[0].Evidence!.CapturedAt);
        Assert.Null(first.Findings[1].Evidence);
        Assert.Equal(0.98765432109876543210m, first.Measurements["availability.share"]);
        Assert.Equal(new NotMeasured("a11y.contrast", "browser crashed"), Assert.Single(first.NotMeasured));
        var second = stored[1];
        Assert.Equal("freshness.homepage", Assert.Single(second.Findings).Rule);
        Assert.Empty(second.Measurements);
    }

    private static ScoreSheet Sheet(string unit, decimal total) =>
        new(unit, "gov-website-check-2019", "2019.1", "0.1.0", total, 100m, false, [], null,
            new ScoreNode("root", "政府网站检查", NodeStatus.Scored, 100m, total, [], []), []);

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_what_was_stored_before()
    {
        var store = await workspace.OpenAsync();
        var run = await store.CreateRunAsync(Run("county"));
        await store.SaveScoreSheetsAsync(run.Id, [Sheet("110101", 80m)]);
        await store.SaveResultsAsync(run.Id, [
            new CohortResults(UnitRegistry.ForYear(2020).Cohort("county"), [new UnitResult(UnitRegistry.ForYear(2020).Find("110101")!, 80m, null, 1, false)], [], [], []),
        ]);

        // Each write deletes the run's previous rows first; the second row for 110102 then breaks a unique
        // index, and the delete must be rolled back with it.
        await Assert.ThrowsAsync<DbUpdateException>(() => store.SaveScoreSheetsAsync(run.Id, [Sheet("110102", 70m), Sheet("110102", 71m)]));
        var unit = UnitRegistry.ForYear(2020).Find("110102")!;
        await Assert.ThrowsAsync<DbUpdateException>(() => store.SaveResultsAsync(run.Id, [
            new CohortResults(UnitRegistry.ForYear(2020).Cohort("county"), [new UnitResult(unit, 70m, null, 1, false), new UnitResult(unit, 70m, null, 1, false)], [], [], []),
        ]));
        // A constraint the database enforces: inputs of a run that does not exist.
        await Assert.ThrowsAsync<DbUpdateException>(() => store.ImportInputsAsync("missing", [new ExpertInput("110101", "a", "1", null, null, "f.csv:2")]));

        var sheet = Assert.Single(await store.ScoreSheetsAsync(run.Id));
        Assert.Equal(("110101", 80m), (sheet.UnitCode, sheet.Total));
        Assert.Equal("110101", Assert.Single(await store.ResultsAsync(run.Id)).UnitCode);
        Assert.Empty(await store.InputsAsync("missing"));
        Assert.Equal("2019.1", (await store.RunAsync(run.Id)).FrameworkVersion);
    }

    [Fact]
    public async Task Availability_samples_belong_to_the_run_and_a_replayed_batch_counts_once()
    {
        var store = await workspace.OpenAsync();
        var run = await store.CreateRunAsync(Run("county"));
        var start = new DateTimeOffset(2020, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));
        AvailabilitySample Visit(int slot, FetchStatus status) => new(start.AddMinutes(72 * slot), new FetchOutcome(
            "http://www.a.gov.cn/", status, status == FetchStatus.Ok ? 200 : null, null, [], null, null,
            TimeSpan.FromSeconds(status == FetchStatus.Timeout ? 15 : 0.4), status == FetchStatus.Timeout ? "no answer in 15 s" : null, null));
        var batch = Enumerable.Range(0, 20).Select(i => Visit(i, i % 10 == 3 ? FetchStatus.Timeout : FetchStatus.Ok)).ToList();

        await store.AddAvailabilitySamplesAsync(run.Id, "110101", batch);
        await store.AddAvailabilitySamplesAsync(run.Id, "110101", batch.Skip(15).Append(Visit(20, FetchStatus.Ok)).ToList());

        var stored = (await store.AvailabilitySamplesAsync(run.Id))["110101"];
        Assert.Equal(21, stored.Count);
        Assert.Equal(2, stored.Count(s => s.Outcome.Status == FetchStatus.Timeout));
        Assert.Equal(batch[3].At, stored[3].At);
        Assert.Equal(TimeSpan.FromSeconds(15), stored[3].Outcome.Elapsed);
        Assert.Empty(await store.AvailabilitySamplesAsync((await store.CreateRunAsync(Run("county"))).Id));
    }

    [Fact]
    public async Task Observations_must_come_one_entry_per_unit()
    {
        var store = await workspace.OpenAsync();
        var run = await store.CreateRunAsync(Run("county"));
        var kept = new UnitObservations("110101", null, [], new Dictionary<string, decimal> { ["pages"] = 10 }, []);
        await store.SaveObservationsAsync(run.Id, [kept]);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveObservationsAsync(run.Id, [
            kept with { Measurements = new Dictionary<string, decimal> { ["pages"] = 99 } },
            kept,
        ]));

        Assert.Equal(10m, Assert.Single(await store.ObservationsAsync(run.Id)).Measurements["pages"]);
    }

    [Fact]
    public async Task Score_sheets_keep_every_explained_point_and_stamp_the_framework_version()
    {
        var store = await workspace.OpenAsync();
        var run = await store.CreateRunAsync(Run("county"));
        var evidence = new EvidenceRef("finding", Rule: "links.broken", Url: "https://a.gov.cn/x", CapturedAt: new DateTimeOffset(2020, 12, 30, 0, 0, 0, TimeSpan.FromHours(8)));
        var leaf = new ScoreNode("2.1", "首页链接可用性", NodeStatus.Scored, 10m, 9m, [new ScoreLine("首页链接不可用 1 个，扣 1 分", -1m, [evidence])], []);
        var root = new ScoreNode("root", "政府网站检查", NodeStatus.Scored, 100m, 90.55m, [], [leaf, leaf with { Id = "1.1", Status = NodeStatus.VetoClear, Lines = [] }], "说明");
        var sheet = new ScoreSheet("110101", "gov-website-check-2019", "2019.1", "0.1.0", 90.55m, 100m, false, [], "合格", root, ["注"]);
        await store.SaveScoreSheetsAsync(run.Id, [sheet, sheet with { UnitCode = "110102", Total = 0m, Vetoed = true, Vetoes = ["1.1"], Grade = "不合格" }]);

        var stored = await store.ScoreSheetsAsync(run.Id);

        Assert.Equal(["110101", "110102"], stored.Select(s => s.UnitCode));
        var read = stored[0];
        Assert.Equal(90.55m, read.Total);
        Assert.Equal(NodeStatus.VetoClear, read.Node("1.1")!.Status);
        var line = Assert.Single(read.Node("2.1")!.Lines);
        Assert.Equal(("首页链接不可用 1 个，扣 1 分", -1m), (line.Text, line.Points));
        Assert.Equal(evidence, Assert.Single(line.Evidence));
        Assert.Equal(["1.1"], stored[1].Vetoes);
        Assert.Equal("2019.1", (await store.RunAsync(run.Id)).FrameworkVersion);
    }

    [Fact]
    public async Task Results_come_back_in_the_runs_cohort_order_and_publication_order()
    {
        var store = await workspace.OpenAsync();
        var run = await store.CreateRunAsync(Run("municipality", "province"));
        var registry = UnitRegistry.ForYear(2020);
        CohortResults Results(string cohort, params (string Code, decimal? Total, int? Rank)[] units) =>
            new(registry.Cohort(cohort), units.Select(u => new UnitResult(registry.Find(u.Code)!, u.Total, null, u.Rank, false)).ToList(), [], [], []);

        await store.SaveResultsAsync(run.Id, [
            Results("province", ("440000", 95.5m, 1), ("330000", 95.5m, 1), ("650000", null, null)),
            Results("municipality", ("310000", 90.1m, 1), ("110000", 88m, 2)),
        ]);

        var results = await store.ResultsAsync(run.Id);

        Assert.Equal(
            ["municipality/310000", "municipality/110000", "province/440000", "province/330000", "province/650000"],
            results.Select(r => $"{r.CohortId}/{r.UnitCode}"));
        Assert.Equal(new StoredResult("province", "650000", null, null, null, false, 2), results[4]);
        Assert.Equal(95.5m, results[2].Total);
    }

    [Fact]
    public async Task Registry_imports_layer_over_the_shipped_registry_of_their_year()
    {
        var store = await workspace.OpenAsync();
        var unit = new Unit("440399", "新区", "深圳新区", UnitLevel.County, "district", "440300", 20501, ["pilot"]);
        var channel = new Channel("440399", ChannelKind.Website, "深圳新区网站", "https://xq.gov.cn/", null, true, false);

        var summary = await store.ImportRegistryAsync(new(2020, [new(unit, "u.csv:2")], [new(channel, "u.csv:2")]));
        var updated = await store.ImportRegistryAsync(new(2020, [], [new(channel with { Name = "新区门户" }, "u.csv:3")]));

        Assert.Equal(new(1, 0, 1, 0), summary);
        Assert.Equal(new(0, 0, 0, 1), updated);
        var registry = await store.RegistryAsync(2020);
        var stored = registry.Find("440399")!;
        Assert.Equal(["pilot"], stored.Tags);
        Assert.Equal(unit with { Tags = stored.Tags }, stored);
        Assert.Equal("新区门户", Assert.Single(registry.ChannelsOf("440399")).Name);
        Assert.Equal(UnitRegistry.ForYear(2020).Units.Count + 1, registry.Units.Count);
        Assert.Null((await store.RegistryAsync(2024)).Find("440399"));
    }
}
