using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GovEval.Core.Errors;
using GovEval.Core.Observations;
using GovEval.Core.Tables;
using GovEval.Store;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval findings --run RUN [--unit CODE] [--rule ID] [--revision N] [--format table|json|csv]</c>: the stored
/// findings of a run with the evidence each can be verified against (WARC file, record, offset, payload digest,
/// capture time), so a supervisor or an appealing unit sees what a finding rests on without opening the database.
/// </summary>
public sealed class FindingsCommand : CommandGroup
{
    private static readonly string[] Columns = ["run", "unit", "rule", "severity", "url", "page", "message", "warc", "record", "offset", "sha256", "capturedAt"];

    public override IEnumerable<Command> Build(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "Run id (or its unique name)", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Only this unit (its code)" };
        var rule = new Option<string?>("--rule") { Description = "Only this rule id (e.g. links.broken), or a family with a trailing dot (links.)" };
        var revision = new Option<int?>("--revision") { Description = "The findings an earlier revision showed (before a recheck replaced them)" };
        var format = new Option<string>("--format") { Description = "table (default), json or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("findings", "List a run's stored findings with their evidence.") { run, unit, rule, revision, format };
        command.SetAction(async (parse, cancel) =>
        {
            await using var store = await context.OpenExistingStoreAsync(parse, cancel);
            var assessment = await store.RunAsync(parse.GetValue(run)!, "--run", cancel);
            var observations = await ObservationsAsync(store, assessment, parse.GetValue(revision), cancel);
            var unitCode = parse.GetValue(unit)?.Trim();
            if (unitCode is not null && observations.All(o => o.UnitCode != unitCode))
            {
                throw new InputException("--unit", $"run {assessment.Id} has no stored observations of unit '{unitCode}'");
            }

            var ruleId = parse.GetValue(rule)?.Trim();
            var rows = observations
                .Where(o => unitCode is null || o.UnitCode == unitCode)
                .SelectMany(o => o.Findings.Select(f => (Unit: o.UnitCode, Finding: f)))
                .Where(r => ruleId is null || r.Finding.Rule == ruleId || (ruleId.EndsWith('.') && r.Finding.Rule.StartsWith(ruleId, StringComparison.Ordinal)))
                .ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(rows.Select(r => Json(assessment.Id, r.Unit, r.Finding)), JsonOutput.Options));
                    break;
                case "csv":
                    var csv = new StringBuilder().AppendJoin(',', Columns).Append('\n');
                    foreach (var (code, finding) in rows)
                    {
                        csv.AppendJoin(',', Cells(assessment.Id, code, finding).Select(CsvField.Text)).Append('\n');
                    }

                    await context.Out.WriteAsync(csv.ToString());
                    break;
                default:
                    foreach (var (code, finding) in rows)
                    {
                        await context.Out.WriteLineAsync(string.Join('\t', Cells(assessment.Id, code, finding).Select(c => (c ?? "").ReplaceLineEndings(" "))));
                    }

                    await context.Error.WriteLineAsync($"{rows.Count} findings of {rows.Select(r => r.Unit).Distinct().Count()} units in run {assessment.Id} ({assessment.Name}){(parse.GetValue(revision) is { } n ? $", revision {n}" : "")}");
                    break;
            }

            return CommandLine.Ok;
        });
        yield return command;
    }

    private static async Task<IReadOnlyList<UnitObservations>> ObservationsAsync(GovEvalStore store, AssessmentRun run, int? revision, CancellationToken cancel)
    {
        if (revision is not { } n || n == run.Revision)
        {
            return await store.ObservationsAsync(run.Id, cancel);
        }

        return await store.ObservationsAtRevisionAsync(run.Id, n, cancel)
            ?? throw new InputException("--revision", $"run {run.Id} has revisions 0 to {run.Revision} ({run.Revision} is what it shows now); there is no revision {n}");
    }

    private static string?[] Cells(string run, string unit, Finding f) =>
    [
        run, unit, f.Rule, f.Severity.ToId(), f.Url, f.Page, f.Message, f.Evidence?.Warc, f.Evidence?.Record,
        f.Evidence?.Offset?.ToString(CultureInfo.InvariantCulture), f.Evidence?.Sha256,
        f.Evidence?.CapturedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
    ];

    private static object Json(string run, string unit, Finding f) => new
    {
        run,
        unit,
        rule = f.Rule,
        severity = f.Severity.ToId(),
        url = f.Url,
        page = f.Page,
        message = f.Message,
        evidence = f.Evidence is { } e ? new { warc = e.Warc, record = e.Record, offset = e.Offset, sha256 = e.Sha256, capturedAt = e.CapturedAt } : null,
    };
}
