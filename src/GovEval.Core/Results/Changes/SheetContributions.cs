using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Scoring;

namespace GovEval.Core.Results.Changes;

/// <summary>
/// A thing a leaf's score rests on, as its score sheet states it: a finding (by rule and normalised url, the identity
/// the engine groups findings by), an input, or a measurement. <see cref="Deduction"/> is what it took off a
/// deduction leaf before the leaf's cap (0 elsewhere).
/// </summary>
internal sealed record LeafItem(string Key, string Kind, string? Rule, string? Url, string? Page, string? Source, string? Evidence, string? Value, decimal Deduction);

/// <summary>
/// One leaf of a score sheet with what it contributes to the total: <see cref="Earned"/> (its own points) times
/// <see cref="Factor"/>, the product of the rescaling of every group above it (×4/3 when 办事服务 does not apply), 1
/// through bonuses, 0 under a gate that is closed.
/// </summary>
internal sealed record LeafPart(
    string Id,
    string Name,
    string Group,
    string GroupName,
    RuleKind? Rule,
    NodeStatus Status,
    decimal Earned,
    decimal Factor,
    bool GatedOff,
    IReadOnlyList<LeafItem> Items)
{
    public decimal Contribution => Earned * Factor;
}

/// <summary>
/// Splits a score sheet into its leaves' contributions to the total, following the engine's aggregation
/// (<see cref="TreeEvaluation"/>): in a group, regular children are rescaled by the group's points over the points that
/// applied, bonuses add as they are, a gated-off indicator passes nothing on. The leaves' contributions add up to the
/// root's score up to the rounding of intermediate precisions. The framework gives the definitions (which child is a
/// bonus, a group's nominal points, a leaf's rule); a node it does not know counts as a regular child worth its max.
/// </summary>
internal static class SheetContributions
{
    public static IReadOnlyList<LeafPart> Of(Framework? framework, ScoreSheet sheet)
    {
        var parts = new List<LeafPart>();
        Walk(sheet.Root, framework?.Root, 1m, false, null, parts);
        return parts;
    }

    private static void Walk(ScoreNode node, Indicator? definition, decimal factor, bool gatedOff, (string Id, string Name)? group, List<LeafPart> parts)
    {
        if (node.Children.Count == 0)
        {
            // A group that did not apply keeps no children in its sheet and contributes nothing.
            if (definition is not { Children.Count: > 0 } && group is { } top)
            {
                parts.Add(new LeafPart(node.Id, node.Name, top.Id, top.Name, definition?.Rule, node.Status, node.Earned, factor, gatedOff, Items(node, definition)));
            }

            return;
        }

        var closed = node.Status == NodeStatus.GatedOff;
        var children = node.Children.Select(c => (Node: c, Definition: definition?.Children.FirstOrDefault(d => d.Id == c.Id))).ToList();
        var regular = children.Where(c => c.Definition is null || !TreeEvaluation.IsBonus(c.Definition)).ToList();
        var regularPoints = regular.Sum(c => c.Definition?.Points ?? c.Node.Max);
        var applicable = regular.Sum(c => c.Node.Max);
        var scale = applicable > 0 ? regularPoints / applicable : 0m;
        foreach (var (child, childDefinition) in children)
        {
            var bonus = childDefinition is not null && TreeEvaluation.IsBonus(childDefinition);
            var childFactor = closed ? 0m : factor * (bonus ? 1m : scale);
            // A leaf is shown under the group right above it; a leaf right under the root stands for itself.
            Walk(child, childDefinition, childFactor, gatedOff || closed, group is null ? (child.Id, child.Name) : (node.Id, node.Name), parts);
        }
    }

    private static List<LeafItem> Items(ScoreNode node, Indicator? definition)
    {
        var items = new List<LeafItem>();
        var deducts = definition?.Rule == RuleKind.Deduct;
        foreach (var line in node.Lines)
        {
            var findings = line.Evidence.Count(e => e.Kind == "finding");
            foreach (var evidence in line.Evidence)
            {
                switch (evidence.Kind)
                {
                    case "finding" when evidence.Rule is { } rule:
                        var url = evidence.Url ?? "";
                        items.Add(new LeafItem($"finding|{rule}|{UrlNormalizer.Normalize(url)}", "finding", rule, url, evidence.Page, null, null, evidence.Value,
                            deducts && line.Points < 0 ? -line.Points / findings : 0m));
                        break;
                    case "input":
                        // An input's evidence (a url or the assessor's note) is kept in the reference's Url.
                        items.Add(new LeafItem($"input|{node.Id}", "input", null, null, null, evidence.Source, evidence.Url, evidence.Value, 0m));
                        break;
                    case "measurement" when evidence.Rule is { } name:
                        items.Add(new LeafItem($"measurement|{name}", "measurement", name, null, null, null, null, evidence.Value, deducts && line.Points < 0 ? -line.Points : 0m));
                        break;
                }
            }
        }

        // One item per key: a finding seen in two lines of a leaf (two deductions reading one rule) is one thing.
        return items.GroupBy(i => i.Key, StringComparer.Ordinal)
            .Select(g => g.First() with { Deduction = g.Sum(i => i.Deduction) })
            .ToList();
    }
}
