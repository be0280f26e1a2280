using GovEval.Core.Observations;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

public sealed partial class GovEvalStore
{
    /// <summary>
    /// Adds monitored visits to a run. A visit already stored (same unit and instant) is skipped, so a monitor
    /// restarted after a crash can replay its last batch without double-counting.
    /// </summary>
    public Task AddAvailabilitySamplesAsync(string runId, string unitCode, IReadOnlyList<AvailabilitySample> samples, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            var known = (await db.AvailabilitySamples.AsNoTracking()
                    .Where(a => a.RunId == runId && a.UnitCode == unitCode)
                    .Select(a => a.At)
                    .ToListAsync(cancel))
                .ToHashSet();
            foreach (var sample in samples.Where(s => known.Add(s.At)))
            {
                db.AvailabilitySamples.Add(new AvailabilitySampleEntity
                {
                    RunId = runId,
                    UnitCode = unitCode,
                    Url = sample.Outcome.Url,
                    At = sample.At,
                    Status = sample.Outcome.Status.ToString(),
                    HttpStatus = sample.Outcome.HttpStatus,
                    ElapsedMilliseconds = (long)sample.Outcome.Elapsed.TotalMilliseconds,
                    Error = sample.Outcome.Error,
                });
            }

            return true;
        }, cancel);

    /// <summary>The monitored visits of a run by unit code, in time order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AvailabilitySample>>> AvailabilitySamplesAsync(string runId, CancellationToken cancel = default)
    {
        var rows = await db.AvailabilitySamples.AsNoTracking().Where(a => a.RunId == runId).ToListAsync(cancel);
        return rows
            .GroupBy(r => r.UnitCode, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<AvailabilitySample>)g.OrderBy(r => r.At).Select(ToSample).ToList(),
                StringComparer.Ordinal);
    }

    private static AvailabilitySample ToSample(AvailabilitySampleEntity row)
    {
        if (!Enum.TryParse<FetchStatus>(row.Status, out var status))
        {
            throw new InvalidDataException($"stored availability sample {row.Id} has an unknown status '{row.Status}'");
        }

        return new AvailabilitySample(row.At, new FetchOutcome(
            row.Url, status, row.HttpStatus, null, [], null, null, TimeSpan.FromMilliseconds(row.ElapsedMilliseconds), row.Error, null));
    }
}
