using GovEval.Core.Errors;
using GovEval.Core.Observations;

namespace GovEval.Core.Scoring;

/// <summary>
/// One unit's scoring input indexed for lookup, in a canonical order (findings by rule and normalised url,
/// inputs by key) so that nothing downstream depends on the order things arrived in.
/// </summary>
internal sealed class UnitEvidence
{
    private readonly Dictionary<string, IReadOnlyList<FindingGroup>> findings;
    private readonly Dictionary<string, ExpertInput> inputs;
    private readonly Dictionary<string, string> notMeasured;

    public UnitEvidence(ScoringInput input)
    {
        Input = input;
        findings = input.Findings
            .GroupBy(f => f.Rule, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<FindingGroup>)g
                    .GroupBy(f => UrlNormalizer.Normalize(f.Url), StringComparer.Ordinal)
                    .OrderBy(u => u.Key, StringComparer.Ordinal)
                    .Select(u => new FindingGroup(u.Key, u.OrderBy(f => f.Page ?? "", StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal).ToList()))
                    .ToList(),
                StringComparer.Ordinal);

        inputs = new Dictionary<string, ExpertInput>(StringComparer.Ordinal);
        foreach (var entry in input.Inputs.OrderBy(i => i.Source, StringComparer.Ordinal))
        {
            if (inputs.TryGetValue(entry.Indicator, out var earlier))
            {
                throw new InputException(entry.Source, $"indicator '{entry.Indicator}' of unit {input.UnitCode} is also entered at {earlier.Source}; keep one value");
            }

            inputs[entry.Indicator] = entry;
        }

        notMeasured = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in input.NotMeasured.OrderBy(n => n.Rule, StringComparer.Ordinal).ThenBy(n => n.Reason, StringComparer.Ordinal))
        {
            notMeasured.TryAdd(item.Rule, item.Reason);
        }
    }

    public ScoringInput Input { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Facts => Input.Facts;

    /// <summary>Distinct faulty things (by normalised url) a rule found, or null when the rule was not measured.</summary>
    public IReadOnlyList<FindingGroup>? Findings(string rule, out string? whyNot)
    {
        whyNot = WhyNotMeasured(rule);
        return whyNot is null ? findings.GetValueOrDefault(rule) ?? [] : null;
    }

    public decimal? Measurement(string name, out string? whyNot)
    {
        whyNot = WhyNotMeasured(name);
        if (whyNot is not null)
        {
            return null;
        }

        if (Input.Measurements.TryGetValue(name, out var value))
        {
            return value;
        }

        whyNot = "无测量值";
        return null;
    }

    public ExpertInput? InputFor(string key) => inputs.GetValueOrDefault(key);

    private string? WhyNotMeasured(string rule) =>
        !Input.Collected ? "未进行自动采集"
        : notMeasured.TryGetValue(rule, out var reason) ? $"未能测量（{reason}）"
        : null;
}

/// <summary>Every finding of one rule about the same faulty thing (one url, seen on several pages).</summary>
internal sealed record FindingGroup(string Url, IReadOnlyList<Finding> Findings);
