using GovEval.Core.Scoring;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

public sealed partial class GovEvalStore
{
    /// <summary>
    /// Stores the score sheets of a run, replacing every sheet scored before (a run is scored whole), and
    /// stamps the run with the framework version when all sheets agree on it. One transaction.
    /// </summary>
    public Task SaveScoreSheetsAsync(string runId, IReadOnlyList<ScoreSheet> sheets, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
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

            return true;
        }, cancel);

    /// <summary>The score sheets of a run, by unit code.</summary>
    public async Task<IReadOnlyList<ScoreSheet>> ScoreSheetsAsync(string runId, CancellationToken cancel = default) =>
        (await db.ScoreSheets.AsNoTracking().Where(s => s.RunId == runId).Select(s => new { s.UnitCode, s.Sheet }).ToListAsync(cancel))
            .OrderBy(s => s.UnitCode, StringComparer.Ordinal)
            .Select(s => ScoreSheetJson.Read(s.Sheet))
            .ToList();
}
