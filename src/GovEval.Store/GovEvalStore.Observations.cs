using GovEval.Core.Observations;
using GovEval.Store.Entities;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

public sealed partial class GovEvalStore
{
    /// <summary>
    /// Stores what collection and checks produced, one entry per unit, in one transaction. The units named
    /// are replaced whole (re-checking a unit must not leave its old findings behind); other units are kept.
    /// </summary>
    public Task SaveObservationsAsync(string runId, IReadOnlyList<UnitObservations> observations, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            await ReplaceObservationsAsync(runId, observations, wholeRun: false, cancel);
            return true;
        }, cancel);

    /// <summary>
    /// Replaces the observations of the units named (or, with <paramref name="wholeRun"/>, of every unit of the run)
    /// inside the caller's transaction.
    /// </summary>
    private async Task ReplaceObservationsAsync(string runId, IReadOnlyList<UnitObservations> observations, bool wholeRun, CancellationToken cancel)
    {
        var duplicate = observations.GroupBy(o => o.UnitCode, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"unit {duplicate.Key} appears {duplicate.Count()} times; give one entry per unit", nameof(observations));
        }

        if (wholeRun)
        {
            await db.Findings.Where(f => f.RunId == runId).ExecuteDeleteAsync(cancel);
            await db.Measurements.Where(m => m.RunId == runId).ExecuteDeleteAsync(cancel);
            await db.NotMeasured.Where(n => n.RunId == runId).ExecuteDeleteAsync(cancel);
        }
        else
        {
            var codes = observations.Select(o => o.UnitCode).ToList();
            await db.Findings.Where(f => f.RunId == runId && codes.Contains(f.UnitCode)).ExecuteDeleteAsync(cancel);
            await db.Measurements.Where(m => m.RunId == runId && codes.Contains(m.UnitCode)).ExecuteDeleteAsync(cancel);
            await db.NotMeasured.Where(n => n.RunId == runId && codes.Contains(n.UnitCode)).ExecuteDeleteAsync(cancel);
        }

        foreach (var unit in observations)
        {
            db.Findings.AddRange(unit.Findings.Select(f => new FindingEntity
            {
                RunId = runId,
                UnitCode = unit.UnitCode,
                ChannelUrl = unit.ChannelUrl,
                Rule = f.Rule,
                Severity = f.Severity.ToId(),
                Url = f.Url,
                Page = f.Page,
                Message = f.Message,
                Warc = f.Evidence?.Warc,
                Record = f.Evidence?.Record,
                WarcOffset = f.Evidence?.Offset,
                Sha256 = f.Evidence?.Sha256,
                CapturedAt = f.Evidence?.CapturedAt,
            }));
            db.Measurements.AddRange(unit.Measurements.Select(m => new MeasurementEntity
            {
                RunId = runId, UnitCode = unit.UnitCode, Name = m.Key, Value = m.Value,
            }));
            db.NotMeasured.AddRange(unit.NotMeasured.Select(n => new NotMeasuredEntity
            {
                RunId = runId, UnitCode = unit.UnitCode, Rule = n.Rule, Reason = n.Reason,
            }));
        }
    }

    /// <summary>The stored observations of a run, one entry per unit that has any, by unit code; findings in stored order.</summary>
    public async Task<IReadOnlyList<UnitObservations>> ObservationsAsync(string runId, CancellationToken cancel = default)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => f.RunId == runId).OrderBy(f => f.Id).ToListAsync(cancel);
        var measurements = await db.Measurements.AsNoTracking().Where(m => m.RunId == runId).OrderBy(m => m.Id).ToListAsync(cancel);
        var notMeasured = await db.NotMeasured.AsNoTracking().Where(n => n.RunId == runId).OrderBy(n => n.Id).ToListAsync(cancel);
        // Looked up by unit, not scanned once per unit: a national run holds thousands of units.
        var findingsOf = findings.ToLookup(f => f.UnitCode, StringComparer.Ordinal);
        var measurementsOf = measurements.ToLookup(m => m.UnitCode, StringComparer.Ordinal);
        var notMeasuredOf = notMeasured.ToLookup(n => n.UnitCode, StringComparer.Ordinal);
        var codes = findingsOf.Select(g => g.Key).Concat(measurementsOf.Select(g => g.Key)).Concat(notMeasuredOf.Select(g => g.Key))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return codes.Select(code => new UnitObservations(
                code,
                findingsOf[code].FirstOrDefault()?.ChannelUrl,
                findingsOf[code].Select(ToFinding).ToList(),
                measurementsOf[code].ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal),
                notMeasuredOf[code].Select(n => new NotMeasured(n.Rule, n.Reason)).ToList()))
            .ToList();
    }

    private static Finding ToFinding(FindingEntity f) => new(
        f.Rule,
        SeverityIds.TryParse(f.Severity, out var severity) ? severity : throw new InvalidDataException($"stored finding {f.Id} has an unknown severity '{f.Severity}'"),
        f.Url,
        f.Page,
        f.Message,
        f.Warc is null || f.Record is null || f.Sha256 is null || f.CapturedAt is null
            ? null
            : new Evidence(f.Warc, f.Record, f.Sha256, f.CapturedAt.Value) { Offset = f.WarcOffset });
}
