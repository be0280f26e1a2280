using GovEval.Cli.Collection;
using System.CommandLine;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Tables;
using GovEval.Publish;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval publish</c>: a results release (HTML, XLSX, JSON, CSV) from a scored run, or straight from a table
/// of totals computed elsewhere.
/// </summary>
public sealed class PublishCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var run = new Option<string[]>("--run") { Description = "Publish this scored run (id or unique name); repeat it to publish several runs as one release, each in a folder of its own", AllowMultipleArgumentsPerToken = false };
        var compare = new Option<string[]>("--compare") { Description = "An earlier run, for year-over-year movements and rank changes (with --run); with several runs, RUN=EARLIER", AllowMultipleArgumentsPerToken = false };
        var title = new Option<string?>("--title") { Description = "Title of a release of several runs (default: 'YEAR年评估结果')" };
        var scores = new Option<string?>("--scores") { Description = "Publish from a table of totals: CSV, XLSX or JSON with columns unit (code, full or short name) and total" };
        var previous = new Option<string?>("--previous") { Description = "Last year's table (totals or grades), for movements (with --scores)" };
        var framework = new Option<string?>("--framework") { Description = $"Framework of the totals (with --scores): {string.Join(", ", FrameworkCatalog.Ids)} or a .yaml file" };
        var year = new Option<int?>("--year") { Description = "Assessment year of the totals (with --scores)" };
        var cohorts = new Option<string[]>("--cohort") { Description = "Cohort to publish, repeatable (with --scores)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--out") { Description = "Folder to write the release into", Required = true };
        var format = new Option<string?>("--format") { Description = "Any of html,xlsx,json,csv (default: all)" };
        var command = new Command(
            "publish",
            "Write a results release: index.html in the form of the national release with per-unit score sheets, results.xlsx, results.json, results.csv. " +
            "Either --run RUN [--compare RUN] or --scores FILE [--previous FILE] --framework ID --year Y --cohort C…")
        {
            run, compare, title, scores, previous, framework, year, cohorts, output, format,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var outDir = OutputPaths.Folder(parse.GetValue(output), "--out");
            var formats = ReleaseFormats.Parse(parse.GetValue(format));
            var runs = parse.GetValue(run) ?? [];
            var compares = parse.GetValue(compare) ?? [];
            foreach (var (given, name, allowed) in new[] { (compares.Length > 0 ? "x" : null, "--compare", runs.Length > 0), (parse.GetValue(previous), "--previous", parse.GetValue(scores) is not null) })
            {
                if (given is not null && !allowed)
                {
                    throw new InputException(name, name == "--compare" ? "--compare goes with --run" : "--previous goes with --scores");
                }
            }

            if (runs.Length > 1)
            {
                return await PublishBundleAsync(context, parse, runs, compares, parse.GetValue(title), outDir, formats, cancel);
            }

            if (compares.Length > 1)
            {
                throw new InputException("--compare", "one run is compared with one earlier run");
            }

            var release = runs.Length == 1
                ? await FromRunAsync(context, parse, runs[0], compares.FirstOrDefault(), cancel)
                : parse.GetValue(scores) is { } table
                    ? FromScores(table, parse.GetValue(previous), parse.GetValue(framework), parse.GetValue(year), parse.GetValue(cohorts) ?? [])
                    : throw new InputException("--run", "give --run RUN (a scored run) or --scores FILE (a table of totals)");
            var evidence = runs.Length == 1 ? await EvidenceAsync(context, parse, runs[0], cancel) : null;
            var written = new ReleaseWriter().Write(release, outDir, formats, evidence);
            await context.Out.WriteLineAsync($"published {release.Title} ({release.Cohorts.Count} cohorts) to {outDir}");
            foreach (var file in written)
            {
                await context.Out.WriteLineAsync($"  {file}");
            }

            return CommandLine.Ok;
        });
        yield return command;
    }

    /// <summary>
    /// Several runs as one release: a combined index.html in the form of the national release and each run's full
    /// release in a folder named after its framework (capability, performance, check of the same year sit side by side).
    /// </summary>
    private static async Task<int> PublishBundleAsync(CliContext context, ParseResult parse, string[] runIds, string[] compares, string? title, string outDir, IReadOnlyCollection<ReleaseFormat> formats, CancellationToken cancel)
    {
        var earlier = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in compares)
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0 || cut == pair.Length - 1)
            {
                throw new InputException("--compare", $"'{pair}': with several runs, say which run each earlier run is compared with: RUN=EARLIER");
            }

            earlier[pair[..cut]] = pair[(cut + 1)..];
        }

        var unknown = earlier.Keys.FirstOrDefault(k => !runIds.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new InputException("--compare", $"'{unknown}' is not one of the runs published (--run {string.Join(" --run ", runIds)})");
        }

        var releases = new List<Release>();
        var frameworks = new List<(string Framework, string Id)>();
        foreach (var id in runIds)
        {
            releases.Add(await FromRunAsync(context, parse, id, earlier.GetValueOrDefault(id), cancel));
            await using var store = await context.OpenExistingStoreAsync(parse, cancel);
            var stored = await store.RunAsync(id, "--run", cancel);
            frameworks.Add((stored.FrameworkId, stored.Id));
        }

        var parts = new List<BundlePart>();
        for (var i = 0; i < releases.Count; i++)
        {
            var folder = frameworks.Count(f => f.Framework == frameworks[i].Framework) == 1 ? Folder(frameworks[i].Framework) : $"{Folder(frameworks[i].Framework)}-{frameworks[i].Id}";
            parts.Add(new BundlePart(folder, releases[i]) { Evidence = await EvidenceAsync(context, parse, frameworks[i].Id, cancel) });
        }

        var heading = title ?? $"{releases.Max(r => r.Year)}年评估结果";
        var written = ReleaseBundle.Write(heading, parts, outDir, formats);
        await context.Out.WriteLineAsync($"published {heading} ({parts.Count} runs: {string.Join(", ", parts.Select(p => p.Folder))}) to {outDir}");
        await context.Out.WriteLineAsync($"  {Path.Combine(outDir, "index.html")} and {written.Count - 1} files in the runs' folders");
        return CommandLine.Ok;
    }

    // A framework id that is a file path (my.yaml) becomes its file name; ids are already folder-safe.
    private static string Folder(string frameworkId) =>
        Path.GetFileNameWithoutExtension(frameworkId).ToLowerInvariant() is var name && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? name : "run";

    /// <summary>The pages `collect` captured for the run's findings, kept beside its WARC files.</summary>
    private static async Task<EvidenceArchive> EvidenceAsync(CliContext context, ParseResult parse, string runId, CancellationToken cancel)
    {
        await using var store = await context.OpenExistingStoreAsync(parse, cancel);
        var run = await store.RunAsync(runId, "--run", cancel);
        return EvidenceCaptures.Load(RunFolders.Evidence(RunFolders.Root(context.Connection(parse), run.Id)));
    }

    private static async Task<Release> FromRunAsync(CliContext context, ParseResult parse, string runId, string? compareId, CancellationToken cancel)
    {
        await using var store = await context.OpenExistingStoreAsync(parse, cancel);
        var assessment = await store.RunAsync(runId, "--run", cancel);
        var sheets = await store.ScoreSheetsAsync(assessment.Id, cancel);
        if (sheets.Count == 0)
        {
            throw new InputException("--run", $"run {assessment.Id} ({assessment.Name}) has no scores yet: run 'goveval score --run {assessment.Id}' first");
        }

        var framework = FrameworkCatalog.Get(assessment.FrameworkId);
        var registry = await store.RegistryForRunAsync(assessment, cancel);
        var builder = new ReleaseBuilder(framework, registry, assessment.Cohorts.Select(registry.Cohort));
        if (compareId is null)
        {
            return builder.FromSheets(sheets, null, new ReleaseOptions(assessment.Year, assessment.Name));
        }

        var earlier = await store.RunAsync(compareId, "--compare", cancel);
        var earlierSheets = await store.ScoreSheetsAsync(earlier.Id, cancel);
        if (earlierSheets.Count == 0)
        {
            throw new InputException("--compare", $"run {earlier.Id} ({earlier.Name}) has no scores: score it first");
        }

        // Movements compare grades by name, which only mean the same under the same bands.
        var earlierFramework = FrameworkCatalog.Get(earlier.FrameworkId);
        if (!earlierFramework.Grades.Select(g => g.Name).SequenceEqual(framework.Grades.Select(g => g.Name)))
        {
            throw new InputException("--compare", $"run {earlier.Id} was graded with {earlier.FrameworkId}, whose grades differ from {framework.Id}'s; movements need the same grades");
        }

        return builder.FromSheets(sheets, earlierSheets, new ReleaseOptions(assessment.Year, assessment.Name, earlier.Year, PreviousRun: earlier.Name), earlierFramework);
    }

    private static Release FromScores(string scores, string? previous, string? frameworkId, int? year, string[] cohortIds)
    {
        var framework = FrameworkCatalog.Get(frameworkId ?? throw new InputException("--framework", "--scores needs --framework ID (the framework the totals were scored with)"));
        var assessmentYear = year ?? throw new InputException("--year", "--scores needs --year Y (the assessment year, which selects the registry)");
        if (cohortIds.Length == 0)
        {
            throw new InputException("--cohort", "--scores needs at least one --cohort");
        }

        var registry = UnitRegistry.ForYear(assessmentYear);
        var builder = new ReleaseBuilder(framework, registry, cohortIds.Select(registry.Cohort));
        return builder.FromTotals(
            TableReader.Read(scores),
            previous is null ? null : TableReader.Read(previous),
            new ReleaseOptions(assessmentYear, Path.GetFileName(scores)));
    }
}
