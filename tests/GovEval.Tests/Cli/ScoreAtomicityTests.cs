using System.Diagnostics;
using System.Globalization;
using GovEval.Core.Registry;
using GovEval.Store;
using Microsoft.Data.Sqlite;

namespace GovEval.Tests.Cli;

/// <summary>
/// `goveval score` replaces a run's score sheets, framework version and cohort results together: whatever stops it
/// (a failing write, a kill -9), the store holds one scoring whole, the one before or the new one.
/// </summary>
public sealed class ScoreAtomicityTests : IDisposable
{
    private readonly CliWorkspace workspace = new();
    private readonly string framework;
    private readonly string shipped;

    public ScoreAtomicityTests()
    {
        shipped = File.ReadAllText(Path.Combine(CliWorkspace.RepoRoot(), "frameworks", "digital-gov-capability-2020.yaml"))
            .Replace("id: digital-gov-capability-2020", "id: atomic-capability", StringComparison.Ordinal);
        framework = Path.Combine(workspace.Folder, "atomic-capability.yaml");
        Weigh(6);
    }

    public void Dispose() => workspace.Dispose();

    /// <summary>The framework file with a new weight for 已完成 and a version of its own, so each scoring differs.</summary>
    private void Weigh(decimal done)
    {
        var text = shipped
            .Replace("options: { 已完成: 6, 推进中: 3.5, 未开展: 0 }", $"options: {{ 已完成: {done.ToString(CultureInfo.InvariantCulture)}, 推进中: 3.5, 未开展: 0 }}", StringComparison.Ordinal)
            .Replace("version: \"2020.1.0\"", $"version: \"2020.1.{(int)(done * 10)}\"", StringComparison.Ordinal);
        Assert.Contains($"已完成: {done.ToString(CultureInfo.InvariantCulture)},", text, StringComparison.Ordinal);
        File.WriteAllText(framework, text);
    }

    /// <summary>A run over a cohort, every member with an entered value, scored once.</summary>
    private async Task<string> ScoredRunAsync(string cohort)
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "atomic", "--framework", framework, "--cohort", cohort)).Out.Trim();
        var registry = UnitRegistry.ForYear(2020);
        var inputs = workspace.Write("inputs.csv", "unit,indicator,value\n" + string.Concat(
            registry.Members(registry.Cohort(cohort)).Select((u, i) => $"{u.Code},integration.websites,{(i % 3 == 0 ? "推进中" : "已完成")}\n")));
        await workspace.RunOkAsync("inputs", "import", "--run", run, inputs);
        await workspace.RunOkAsync("score", "--run", run);
        return run;
    }

    /// <summary>What a scoring left in the store: the run's version, each sheet, each result, as comparable text.</summary>
    private async Task<Scoring> SnapshotAsync(string run)
    {
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        var sheets = await store.ScoreSheetsAsync(run);
        var results = await store.ResultsAsync(run);
        return new Scoring(
            (await store.RunAsync(run)).FrameworkVersion,
            sheets.Select(s => $"{s.UnitCode} {s.FrameworkVersion} {N(s.Assessed ? s.Total : null)} {(s.Assessed ? s.Grade : null)}").ToList(),
            results.Select(r => $"{r.UnitCode} {N(r.Total)} {r.Grade}").ToList(),
            results.Select(r => $"{r.CohortId} {r.UnitCode} {N(r.Total)} {r.Grade} {r.Rank} {r.Position}").ToList());
    }

    /// <summary>A total as a number (6 and 6.0 are one total; the sheet and the results store it each their way).</summary>
    private static string? N(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture);

    private sealed record Scoring(string? Version, List<string> Sheets, List<string> ResultTotals, List<string> Results)
    {
        /// <summary>The sheets, the run's version and the results come from one scoring.</summary>
        public void AssertWhole(string when)
        {
            Assert.NotEmpty(Sheets);
            var sheetVersions = Sheets.Select(s => s.Split(' ')[1]).Distinct().ToList();
            Assert.True(sheetVersions.Count == 1 && sheetVersions[0] == Version, $"{when}: run stamped {Version}, sheets scored with {string.Join(", ", sheetVersions)}");
            var fromSheets = Sheets.Select(s => s.Split(' ', 3)).Select(p => $"{p[0]} {p[2]}").Order(StringComparer.Ordinal).ToList();
            var fromResults = ResultTotals.Order(StringComparer.Ordinal).ToList();
            Assert.True(fromSheets.SequenceEqual(fromResults), $"{when}: {Sheets.Count} sheets, {ResultTotals.Count} results; first differences: " +
                string.Join("; ", fromSheets.Except(fromResults).Take(3)) + " | " + string.Join("; ", fromResults.Except(fromSheets).Take(3)));
        }
    }

    private void Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={workspace.Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_failure_while_storing_the_results_leaves_the_previous_scoring_whole()
    {
        var run = await ScoredRunAsync("provincial");
        var before = await SnapshotAsync(run);
        before.AssertWhole("first scoring");
        Weigh(5);

        // The database refuses the results, after the sheets were written: a real write failing, no stand-in store.
        Sql("CREATE TRIGGER injected_fault BEFORE INSERT ON Results BEGIN SELECT RAISE(ABORT, 'injected fault'); END;");
        var failed = await workspace.RunAsync("score", "--run", run);
        Sql("DROP TRIGGER injected_fault;");

        Assert.NotEqual(0, failed.Code);
        Assert.Contains("injected fault", failed.Error, StringComparison.Ordinal);
        var after = await SnapshotAsync(run);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Sheets, after.Sheets);
        Assert.Equal(before.Results, after.Results);

        await workspace.RunOkAsync("score", "--run", run);
        var rescored = await SnapshotAsync(run);
        rescored.AssertWhole("after scoring again");
        Assert.NotEqual(before.Sheets, rescored.Sheets);
    }

    [Fact]
    public async Task Score_killed_at_any_moment_leaves_one_scoring_whole()
    {
        // Some 2,800 counties: enough work that a kill lands inside the scoring and inside its writes.
        var run = await ScoredRunAsync("county");
        var first = await SnapshotAsync(run);
        first.AssertWhole("first scoring");

        // The first kill comes the moment the new sheets can be read: a scoring committed in two steps is caught
        // between them there. That child's time places the others, at spread moments of a scoring. Each child weighs
        // differently, so the sheets and results of two different scorings cannot pass for one.
        double?[] moments = [null, 0.3, 0.7];
        var duration = TimeSpan.FromMinutes(2);
        var kills = new List<string>();
        for (var i = 0; i < moments.Length; i++)
        {
            var lastScored = workspace.CountWhileWriting("SELECT MAX(ScoredAt) FROM ScoreSheets WHERE RunId = $run", ("$run", run));
            Weigh(5m - (i * 0.5m));
            var moment = moments[i];
            var elapsed = TimeSpan.Zero;
            using var child = StartScore(run);
            var killer = new Thread(() =>
            {
                var since = Stopwatch.StartNew();
                while (!child.HasExited && since.Elapsed < duration * 2)
                {
                    if (moment is { } share ? since.Elapsed >= duration * share
                        : workspace.CountWhileWriting("SELECT MAX(ScoredAt) FROM ScoreSheets WHERE RunId = $run", ("$run", run)) > lastScored)
                    {
                        break;
                    }

                    Thread.Sleep(5);
                }

                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }

                elapsed = since.Elapsed;
            });
            killer.Start();
            killer.Join();
            await child.WaitForExitAsync();
            if (moment is null)
            {
                duration = elapsed;
            }

            kills.Add($"{moment?.ToString(CultureInfo.InvariantCulture) ?? "sheets visible"}: exit {child.ExitCode} after {elapsed.TotalSeconds:0.0} s");
            (await SnapshotAsync(run)).AssertWhole($"kill {i} ({string.Join(", ", kills)})");
        }

        Assert.Contains(kills, k => !k.Contains("exit 0 ", StringComparison.Ordinal));

        // The store stays usable: listing and scoring again work and store one scoring whole.
        await workspace.RunOkAsync("runs", "list");
        await workspace.RunOkAsync("score", "--run", run);
        (await SnapshotAsync(run)).AssertWhole("scored again after the kills");
    }

    private Process StartScore(string run)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "goveval.dll"), "score", "--run", run, "--db", workspace.Db })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
