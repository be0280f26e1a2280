using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Store;

namespace GovEval.Cli.Commands;

/// <summary><c>goveval runs create|list</c>: assessment rounds (a framework, cohorts of a year and a fixed clock).</summary>
public sealed class RunsCommands : CommandGroup
{
    /// <summary>China Standard Time: the offset a clock without one is read in (assessments are of Chinese sites).</summary>
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public override IEnumerable<Command> Build(CliContext context)
    {
        var runs = new Command("runs", "Assessment runs: a framework applied to cohorts of a registry year at a fixed clock.");
        runs.Subcommands.Add(Create(context));
        runs.Subcommands.Add(List(context));
        yield return runs;
    }

    private static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "A name for the run (may be used instead of its id)", Required = true };
        var framework = new Option<string>("--framework") { Description = $"Framework id ({string.Join(", ", FrameworkCatalog.Ids)}) or a framework .yaml file", Required = true };
        var cohorts = new Option<string[]>("--cohort") { Description = $"Cohort to assess, repeatable: {string.Join(", ", UnitRegistry.ForYear(2020).Cohorts.Select(c => c.Id))}", Required = true, AllowMultipleArgumentsPerToken = false };
        var year = new Option<int>("--year") { Description = "Assessment year (selects the registry)", DefaultValueFactory = _ => 2020 };
        var now = new Option<string?>("--now") { Description = "Assessment clock, ISO 8601 (2020-12-31 or 2020-12-31T09:00:00+08:00; without an offset +08:00); default: the current time" };
        var units = new Option<string?>("--units") { Description = "Assess only the units listed in this file (a sample, 抽查): one code, full or short name a line" };
        var command = new Command("create", "Create a run and print its id.") { name, framework, cohorts, year, now, units };
        command.SetAction(async (parse, cancel) =>
        {
            var runName = parse.GetValue(name)!.Trim();
            if (runName.Length == 0)
            {
                throw new InputException("--name", "the run needs a name");
            }

            // A local framework file is kept by its full path so scoring finds it from any directory.
            var frameworkText = parse.GetValue(framework)!.Trim();
            var resolved = FrameworkCatalog.Get(frameworkText);
            var frameworkId = FrameworkCatalog.Ids.Contains(frameworkText, StringComparer.Ordinal) ? resolved.Id : Path.GetFullPath(frameworkText);

            var runYear = parse.GetValue(year);
            var registry = await context.RegistryAsync(parse, runYear, cancel);
            var cohortIds = parse.GetValue(cohorts)!.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
            foreach (var cohort in cohortIds)
            {
                registry.Cohort(cohort);
            }

            var sample = parse.GetValue(units) is { } sampleFile
                ? SampleFile.Read(sampleFile, registry, cohortIds.Select(registry.Cohort).ToList())
                : null;
            var clock = parse.GetValue(now) is { } text
                ? ParseClock(text)
                : TimeProvider.System.GetUtcNow().ToOffset(ChinaStandardTime);
            await using var store = await context.OpenStoreAsync(parse, cancel);
            var run = await store.CreateRunAsync(new NewRun(runName, frameworkId, resolved.Version, runYear, cohortIds, clock) { Units = sample }, cancel);
            var assessed = registry.Sampled(sample);
            await context.Out.WriteLineAsync(run.Id);
            await context.Error.WriteLineAsync(
                $"run {run.Id} '{run.Name}': {resolved.Id} {resolved.Version}, {string.Join(", ", run.Cohorts)} " +
                $"({string.Join(" + ", run.Cohorts.Select(c => assessed.Members(assessed.Cohort(c)).Count))} units{(sample is null ? "" : ", sampled")}), year {run.Year}, now {Iso(run.Now)}");
            return CommandLine.Ok;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "List the runs of the store, oldest first.") { format };
        command.SetAction(async (parse, cancel) =>
        {
            var connection = context.Connection(parse);
            IReadOnlyList<AssessmentRun> runs = [];
            if (connection.Exists)
            {
                await using var store = await GovEvalStore.OpenAsync(connection, cancel: cancel);
                runs = await store.RunsAsync(cancel);
            }

            if (parse.GetValue(format) == "json")
            {
                var payload = runs.Select(r => new
                {
                    id = r.Id,
                    name = r.Name,
                    framework = new { id = r.FrameworkId, version = r.FrameworkVersion },
                    year = r.Year,
                    cohorts = r.Cohorts,
                    units = r.Units,
                    now = Iso(r.Now),
                    createdAt = Iso(r.CreatedAt),
                });
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(payload, JsonOutput.Options));
            }
            else
            {
                foreach (var r in runs)
                {
                    var version = r.FrameworkVersion is null ? "" : "@" + r.FrameworkVersion;
                    await context.Out.WriteLineAsync($"{r.Id}\t{r.Name}\t{r.FrameworkId}{version}\t{r.Year}\t{string.Join(',', r.Cohorts)}\t{Iso(r.Now)}");
                }

                await context.Error.WriteLineAsync($"{runs.Count} runs ({connection.Description})");
            }

            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>Reads --now: a date or a date and time, with or without an offset (without one: China Standard Time).</summary>
    internal static DateTimeOffset ParseClock(string text)
    {
        var trimmed = text.Trim();
        string[] local = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];
        if (DateTime.TryParseExact(trimmed, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return new DateTimeOffset(wall, ChinaStandardTime);
        }

        string[] withOffset = ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"];
        if (DateTimeOffset.TryParseExact(trimmed, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        throw new InputException("--now", $"'{text}' is not an ISO 8601 date or time (e.g. 2020-12-31 or 2020-12-31T09:00:00+08:00)");
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
