using GovEval.Core.Results;
using GovEval.Core.Scoring;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

public sealed partial class GovEvalStore
{
    /// <summary>
    /// Stores a scoring of a run whole: its score sheets, the framework version it was scored with and its cohort
    /// results replace the earlier ones in one transaction. A run then never holds the sheets of one scoring and the
    /// results of another: committed one after the other, a kill between the two left 3,145 new sheets and no results.
    /// </summary>
    public Task SaveScoringAsync(string runId, string frameworkVersion, IReadOnlyList<ScoreSheet> sheets, IReadOnlyList<CohortResults> cohorts, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            await ReplaceScoreSheetsAsync(runId, sheets, cancel);
            (await db.Runs.SingleAsync(r => r.Id == runId, cancel)).FrameworkVersion = frameworkVersion;
            await ReplaceResultsAsync(runId, cohorts, cancel);
            return true;
        }, cancel);

    /// <summary>
    /// Stores the score sheets of a run, replacing every sheet scored before (a run is scored whole), and
    /// stamps the run with the framework version when all sheets agree on it. One transaction.
    /// </summary>
    public Task SaveScoreSheetsAsync(string runId, IReadOnlyList<ScoreSheet> sheets, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            await ReplaceScoreSheetsAsync(runId, sheets, cancel);
            return true;
        }, cancel);

    /// <summary>The score sheets of a run, by unit code.</summary>
    public async Task<IReadOnlyList<ScoreSheet>> ScoreSheetsAsync(string runId, CancellationToken cancel = default) =>
        (await db.ScoreSheets.AsNoTracking().Where(s => s.RunId == runId).Select(s => new { s.UnitCode, s.Sheet }).ToListAsync(cancel))
            .OrderBy(s => s.UnitCode, StringComparer.Ordinal)
            .Select(s => ScoreSheetJson.Read(s.Sheet))
            .ToList();

    /// <summary>Replaces a run's sheets inside the caller's transaction.</summary>
    private async Task ReplaceScoreSheetsAsync(string runId, IReadOnlyList<ScoreSheet> sheets, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        await db.ScoreSheets.Where(s => s.RunId == runId).ExecuteDeleteAsync(cancel);
        db.ScoreSheets.AddRange(sheets.Select(sheet => new ScoreSheetEntity
        {
            RunId = runId,
            UnitCode = sheet.UnitCode,
            FrameworkId = sheet.FrameworkId,
            FrameworkVersion = sheet.FrameworkVersion,
            EngineVersion = sheet.EngineVersion,
            Total = sheet.Total,
            Vetoed = sheet.Vetoed,
            Grade = sheet.Grade,
            Sheet = ScoreSheetJson.Write(sheet),
            ScoredAt = now,
        }));
        if (sheets.Select(s => s.FrameworkVersion).Distinct().ToList() is [var version])
        {
            var run = await db.Runs.SingleAsync(r => r.Id == runId, cancel);
            run.FrameworkVersion = version;
        }
    }
}
