using System.Collections.Concurrent;
using System.Diagnostics;
using GovEval.Checks;
using GovEval.Collect.Fetching;
using GovEval.Collect.Stored;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Store;

namespace GovEval.Cli.Collection;

/// <summary>How a recheck judges: the framework (and the id the run keeps for it), the checks' options, and where the result goes.</summary>
public sealed record RecheckPlan(Framework Framework, string FrameworkId, CheckOptions Checks, string? AsName, int Concurrency);

/// <summary>What a recheck did.</summary>
public sealed record RecheckSummary(AssessmentRun Run, int Units, int FindingsBefore, int FindingsAfter, TimeSpan Elapsed);

/// <summary>
/// Judges a run again from its stored observations, with no network: every unit's pages are reloaded from the
/// WARC records they were collected in, the checks run with the plan's options, the framework scores, and the
/// store replaces the run's findings and sheets in one transaction (keeping the old ones as a revision), or makes
/// a new run of them. Nothing is stored until every unit is judged: a kill leaves the run as it was.
/// </summary>
public sealed class RunRechecker(GovEvalStore store, StoreConnection connection)
{
    public async Task<RecheckSummary> RecheckAsync(AssessmentRun run, RecheckPlan plan, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var registry = await store.RegistryForRunAsync(run, cancel);
        var before = await store.ObservationsAsync(run.Id, cancel);
        var collected = before.Where(o => o.Measurements.ContainsKey(RunCollector.PagesMeasurement)).Select(o => o.UnitCode).ToList();
        var folder = RunFolders.Observations(RunFolders.Root(connection, run.Id));
        var stored = ObservationFile.Units(folder);
        var missing = collected.Where(c => !stored.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException("--run", $"{missing.Count} of the {collected.Count} collected units of run {run.Id} have no stored observations in {folder} " +
                $"({string.Join(" ", missing.Take(10))}{(missing.Count > 10 ? " …" : "")}): they were collected by a GovEval that kept only findings; collect them again in a new run to recheck it");
        }

        if (collected.Count == 0)
        {
            throw new InputException("--run", $"run {run.Id} has no collected unit to recheck; collect it first ('goveval collect --run {run.Id}')");
        }

        // A new run's files go under its id before it is stored: a kill leaves an unused folder, never a run without files.
        var target = plan.AsName is null ? run.Id : await store.NewRunId(cancel);
        var targetRoot = RunFolders.Root(connection, target);
        var channels = before.ToDictionary(o => o.UnitCode, o => o.ChannelUrl, StringComparer.Ordinal);
        var judged = new ConcurrentDictionary<string, UnitObservations>(StringComparer.Ordinal);
        var done = 0;
        await Parallel.ForEachAsync(
            collected,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, plan.Concurrency), CancellationToken = cancel },
            (unit, token) =>
            {
                var path = ObservationFile.PathFor(folder, unit);
                var observation = Load(connection, path);
                using var context = new CheckContext(plan.Checks, token);
                var checks = SiteChecks.Run(observation, context);
                var measurements = new Dictionary<string, decimal>(checks.Measurements, StringComparer.Ordinal)
                {
                    [RunCollector.PagesMeasurement] = observation.Pages.Count,
                };
                var captures = EvidenceCaptures.For(observation, checks.Findings, DateOnly.FromDateTime(run.Now.DateTime), 20);
                if (plan.AsName is null)
                {
                    EvidenceCaptures.Merge(RunFolders.Evidence(targetRoot), unit, captures);
                }
                else
                {
                    EvidenceCaptures.Save(RunFolders.Evidence(targetRoot), unit, captures);
                    ObservationFile.Copy(folder, RunFolders.Observations(targetRoot), unit);
                }

                judged[unit] = new UnitObservations(unit, channels.GetValueOrDefault(unit) ?? observation.Homepage, checks.Findings, measurements, checks.NotMeasured);
                progress?.Report(Interlocked.Increment(ref done));
                return ValueTask.CompletedTask;
            });

        var observations = collected.Select(c => judged[c]).ToList();
        var inputs = await store.InputsAsync(run.Id, cancel);
        var (sheets, cohorts) = RunScoringStep.Score(plan.Framework, registry, run, observations, inputs);
        var revision = new RunRevision(plan.FrameworkId, plan.Framework.Version, observations, sheets, cohorts,
            $"recheck with {plan.Framework.Id} {plan.Framework.Version}");
        cancel.ThrowIfCancellationRequested();
        var result = plan.AsName is null
            ? await store.ReviseRunAsync(run.Id, run.Revision, revision, cancel)
            : await store.CreateRevisedRunAsync(
                new NewRun(plan.AsName, plan.FrameworkId, plan.Framework.Version, run.Year, run.Cohorts, run.Now) { Units = run.Units, Id = target },
                run.Id,
                revision,
                cancel);
        return new RecheckSummary(result, observations.Count, before.Sum(o => o.Findings.Count), observations.Sum(o => o.Findings.Count), watch.Elapsed);
    }

    /// <summary>A unit's stored observations with their pages reloaded from the WARC of the run that crawled them.</summary>
    public static Core.Observations.SiteObservation Load(StoreConnection connection, string path)
    {
        try
        {
            var stored = ObservationFile.Read(path);
            var warc = RunFolders.Warc(RunFolders.Root(connection, stored.CollectedIn));
            return ArchivedPages.Load(stored, warc, new FetchOptions().MaxInflatedBytes, path);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, e.Message.StartsWith(path + ": ", StringComparison.Ordinal) ? e.Message[(path.Length + 2)..] : e.Message);
        }
    }
}
