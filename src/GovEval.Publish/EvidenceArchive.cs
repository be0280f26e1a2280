using GovEval.Publish.SiteReports;

namespace GovEval.Publish;

/// <summary>
/// The captured pages behind a run's findings, by unit code, as collection left them: renderers show them beside the
/// points they cost. Empty when a release is published from totals or the run's evidence folder is gone.
/// </summary>
public sealed class EvidenceArchive(IReadOnlyDictionary<string, IReadOnlyList<CapturedPage>> byUnit)
{
    public IReadOnlyList<CapturedPage> Of(string unitCode) => byUnit.GetValueOrDefault(unitCode) ?? [];
}
