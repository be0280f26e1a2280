using GovEval.Core.Observations;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

/// <summary>How many expert values an import added and how many it replaced.</summary>
public sealed record InputImportSummary(int Added, int Replaced);

public sealed partial class GovEvalStore
{
    /// <summary>
    /// Stores validated expert inputs of a run in one transaction. A (unit, indicator) already stored is
    /// replaced; other stored values are kept.
    /// </summary>
    public Task<InputImportSummary> ImportInputsAsync(string runId, IReadOnlyList<ExpertInput> inputs, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var stored = await db.Inputs.Where(i => i.RunId == runId)
                .ToDictionaryAsync(i => (i.UnitCode, i.Indicator), cancel);
            int added = 0, replaced = 0;
            foreach (var input in inputs)
            {
                if (!stored.TryGetValue((input.UnitCode, input.Indicator), out var entity))
                {
                    entity = new InputEntity { RunId = runId, UnitCode = input.UnitCode, Indicator = input.Indicator, Value = "", Source = "" };
                    db.Inputs.Add(entity);
                    stored[(input.UnitCode, input.Indicator)] = entity;
                    added++;
                }
                else
                {
                    replaced++;
                }

                entity.Value = input.Value;
                entity.Evidence = input.Evidence;
                entity.Assessor = input.Assessor;
                entity.Source = input.Source;
                entity.ImportedAt = now;
            }

            return new InputImportSummary(added, replaced);
        }, cancel);

    /// <summary>The expert inputs of a run, by unit code then indicator.</summary>
    public async Task<IReadOnlyList<ExpertInput>> InputsAsync(string runId, CancellationToken cancel = default) =>
        (await db.Inputs.AsNoTracking().Where(i => i.RunId == runId).ToListAsync(cancel))
            .OrderBy(i => i.UnitCode, StringComparer.Ordinal)
            .ThenBy(i => i.Indicator, StringComparer.Ordinal)
            .Select(i => new ExpertInput(i.UnitCode, i.Indicator, i.Value, i.Evidence, i.Assessor, i.Source))
            .ToList();
}
