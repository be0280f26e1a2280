using System.IO.Compression;
using System.Text.Json;
using GovEval.Core.Results;
using GovEval.Core.Scoring;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

/// <summary>A run's findings and score sheets judged again: what replaces what the run shows.</summary>
public sealed record RunRevision(
    string FrameworkId,
    string FrameworkVersion,
    IReadOnlyList<UnitObservations> Observations,
    IReadOnlyList<ScoreSheet> Sheets,
    IReadOnlyList<CohortResults> Cohorts,
    string Reason);

/// <summary>One replaced state of a run, as the run's history lists it.</summary>
public sealed record StoredRevision(int Revision, string FrameworkId, string? FrameworkVersion, DateTimeOffset ReplacedAt, string Reason, int Units, int Findings);

public sealed partial class GovEvalStore
{
    private static readonly JsonSerializerOptions RevisionJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Replaces a run's findings, measurements, not-measured reasons, score sheets and results with a recheck's, in
    /// one transaction, keeping what they replace as the run's revision <see cref="AssessmentRun.Revision"/>: a kill
    /// at any point leaves the run showing either the old judgement whole or the new one whole.
    /// </summary>
    /// <param name="expectedRevision">The revision the recheck started from: a run rechecked meanwhile is refused, not overwritten.</param>
    public Task<AssessmentRun> ReviseRunAsync(string runId, int expectedRevision, RunRevision revision, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            var run = await db.Runs.Include(r => r.Cohorts).Include(r => r.Units).SingleAsync(r => r.Id == runId, cancel);
            if (run.Revision != expectedRevision)
            {
                throw new InvalidOperationException($"run {runId} was rechecked by someone else meanwhile (revision {run.Revision}, this recheck started from {expectedRevision}); run it again");
            }

            var before = await ObservationsAsync(runId, cancel);
            var sheets = await db.ScoreSheets.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.UnitCode).Select(s => s.Sheet).ToListAsync(cancel);
            db.RunRevisions.Add(new RunRevisionEntity
            {
                RunId = runId,
                Revision = run.Revision,
                FrameworkId = run.FrameworkId,
                FrameworkVersion = run.FrameworkVersion,
                ReplacedAt = clock.GetUtcNow(),
                Reason = revision.Reason,
                Units = before.Count,
                Findings = before.Sum(o => o.Findings.Count),
                Content = Pack(new RevisionContent(before.ToList(), sheets)),
            });

            await ReplaceObservationsAsync(runId, revision.Observations, wholeRun: true, cancel);
            await ReplaceScoreSheetsAsync(runId, revision.Sheets, cancel);
            await ReplaceResultsAsync(runId, revision.Cohorts, cancel);
            run.FrameworkId = revision.FrameworkId;
            run.FrameworkVersion = revision.FrameworkVersion;
            run.Revision++;
            return ToRun(run);
        }, cancel);

    /// <summary>
    /// Creates a run judged from another's observations (`recheck --as`), with its findings, sheets, results, the
    /// source's expert inputs and availability samples, all in one transaction: it exists whole or not at all.
    /// </summary>
    public Task<AssessmentRun> CreateRevisedRunAsync(NewRun run, string sourceRunId, RunRevision revision, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            if (await db.Runs.AnyAsync(r => r.Name == run.Name, cancel))
            {
                throw new Core.Errors.InputException("--as", $"a run named '{run.Name}' exists already; choose another name");
            }

            var created = await CreateRunEntityAsync(run, cancel);
            await db.SaveChangesAsync(cancel);
            var inputs = await db.Inputs.AsNoTracking().Where(i => i.RunId == sourceRunId).ToListAsync(cancel);
            db.Inputs.AddRange(inputs.Select(i => new InputEntity
            {
                RunId = created.Id, UnitCode = i.UnitCode, Indicator = i.Indicator, Value = i.Value, Evidence = i.Evidence,
                Assessor = i.Assessor, Source = i.Source, ImportedAt = i.ImportedAt,
            }));
            var samples = await db.AvailabilitySamples.AsNoTracking().Where(a => a.RunId == sourceRunId).ToListAsync(cancel);
            db.AvailabilitySamples.AddRange(samples.Select(a => new AvailabilitySampleEntity
            {
                RunId = created.Id, UnitCode = a.UnitCode, Url = a.Url, At = a.At, Status = a.Status, HttpStatus = a.HttpStatus,
                ElapsedMilliseconds = a.ElapsedMilliseconds, Error = a.Error,
            }));
            await ReplaceObservationsAsync(created.Id, revision.Observations, wholeRun: true, cancel);
            await ReplaceScoreSheetsAsync(created.Id, revision.Sheets, cancel);
            await ReplaceResultsAsync(created.Id, revision.Cohorts, cancel);
            created.FrameworkVersion = revision.FrameworkVersion;
            return ToRun(created);
        }, cancel);

    /// <summary>The replaced states of a run, oldest first.</summary>
    public async Task<IReadOnlyList<StoredRevision>> RevisionsAsync(string runId, CancellationToken cancel = default) =>
        (await db.RunRevisions.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.Revision).ToListAsync(cancel))
            .Select(r => new StoredRevision(r.Revision, r.FrameworkId, r.FrameworkVersion, r.ReplacedAt, r.Reason, r.Units, r.Findings))
            .ToList();

    /// <summary>The observations a run showed at an earlier revision; null when it has no such revision.</summary>
    public async Task<IReadOnlyList<UnitObservations>?> ObservationsAtRevisionAsync(string runId, int revision, CancellationToken cancel = default)
    {
        var stored = await db.RunRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == runId && r.Revision == revision, cancel);
        return stored is null ? null : Unpack(stored.Content, $"revision {revision} of run {runId}").Observations;
    }

    /// <summary>The score sheets a run showed at an earlier revision; null when it has no such revision.</summary>
    public async Task<IReadOnlyList<ScoreSheet>?> ScoreSheetsAtRevisionAsync(string runId, int revision, CancellationToken cancel = default)
    {
        var stored = await db.RunRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == runId && r.Revision == revision, cancel);
        return stored is null ? null : Unpack(stored.Content, $"revision {revision} of run {runId}").Sheets.Select(ScoreSheetJson.Read).ToList();
    }

    private sealed record RevisionContent(List<UnitObservations> Observations, List<string> Sheets);

    private static byte[] Pack(RevisionContent content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, content, RevisionJson);
        }

        return buffer.ToArray();
    }

    private static RevisionContent Unpack(byte[] content, string what)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<RevisionContent>(gzip, RevisionJson) ?? throw new InvalidDataException($"{what} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{what} cannot be read ({e.Message})", e);
        }
    }
}
