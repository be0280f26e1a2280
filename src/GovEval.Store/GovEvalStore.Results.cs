using GovEval.Core.Results;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

public sealed partial class GovEvalStore
{
    /// <summary>Stores a run's cohort results in publication order, replacing earlier results of the run. One transaction.</summary>
    public Task SaveResultsAsync(string runId, IReadOnlyList<CohortResults> cohorts, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            await ReplaceResultsAsync(runId, cohorts, cancel);
            return true;
        }, cancel);

    /// <summary>The stored results of a run: cohorts in the run's order, units in publication order.</summary>
    public async Task<IReadOnlyList<StoredResult>> ResultsAsync(string runId, CancellationToken cancel = default)
    {
        var cohortOrder = await db.RunCohorts.AsNoTracking().Where(c => c.RunId == runId)
            .ToDictionaryAsync(c => c.CohortId, c => c.Position, cancel);
        return (await db.Results.AsNoTracking().Where(r => r.RunId == runId).ToListAsync(cancel))
            .OrderBy(r => cohortOrder.GetValueOrDefault(r.CohortId, int.MaxValue))
            .ThenBy(r => r.CohortId, StringComparer.Ordinal)
            .ThenBy(r => r.Position)
            .Select(r => new StoredResult(r.CohortId, r.UnitCode, r.Total, r.Grade, r.Rank, r.Vetoed, r.Position))
            .ToList();
    }

    /// <summary>Replaces a run's results inside the caller's transaction.</summary>
    private async Task ReplaceResultsAsync(string runId, IReadOnlyList<CohortResults> cohorts, CancellationToken cancel)
    {
        await db.Results.Where(r => r.RunId == runId).ExecuteDeleteAsync(cancel);
        foreach (var cohort in cohorts)
        {
            db.Results.AddRange(cohort.Units.Select((u, position) => new ResultEntity
            {
                RunId = runId,
                CohortId = cohort.Cohort.Id,
                UnitCode = u.Unit.Code,
                Total = u.Total,
                Grade = u.Grade,
                Rank = u.Rank,
                Vetoed = u.Vetoed,
                Position = position,
            }));
        }
    }
}
