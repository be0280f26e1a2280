using GovEval.Core.Frameworks;
using GovEval.Core.Results;

namespace GovEval.Core.Scoring;

/// <summary>
/// Framework + one unit's findings, measurements, inputs and facts → a score sheet explaining every point.
/// Pure: no I/O, no clock, and the result does not depend on the order of the inputs.
/// </summary>
public static class ScoringEngine
{
    /// <summary>Bumped whenever scoring semantics change, so a published figure can be reproduced.</summary>
    public const string Version = "1.1.0";

    public static ScoreSheet Score(Framework framework, ScoringInput input)
    {
        var evidence = new UnitEvidence(input);

        var tree = new TreeEvaluation(framework, evidence);
        var root = tree.Evaluate();

        // A unit nothing was measured or entered for is not assessed, whatever the missing-value policy says:
        // zero points for an indicator nobody looked at is a judgement, zero for a whole unit is a hole in the data.
        var evidenced = Walk(root).Any(n => n.Children.Count == 0 && n.Status is NodeStatus.Scored or NodeStatus.VetoHit or NodeStatus.VetoClear or NodeStatus.VetoCandidate);
        if (!evidenced)
        {
            return NotAssessed(framework, input, root, "未采集到任何测量值或录入值", "未采集到任何测量值或录入值，本单位未评估。");
        }

        var vetoes = Walk(root).Where(n => n.Status == NodeStatus.VetoHit && n.Children.Count == 0).Select(n => n.Id).ToList();
        var vetoed = vetoes.Count > 0;

        // A veto that hit is a verdict by itself (nothing else is scored); otherwise the verdict needs what the
        // framework says it needs, and a unit the scanner could not see is not assessed rather than graded on what is left.
        if (!vetoed && VerdictNeeds.Unmet(framework, root, tree.WhyNotMeasured) is { } unmet)
        {
            return NotAssessed(framework, input, root, unmet, $"本单位未评估：{unmet}。");
        }

        var total = vetoed ? 0 : Rounding.Round(root.Earned, framework.Precision);
        var notes = new List<string>();
        if (vetoed)
        {
            notes.Add($"触发单项否决（{string.Join("、", vetoes.Select(v => framework.Find(v)?.Name ?? v))}），判定为{framework.VetoGrade ?? "不合格"}，其余指标不计分。");
        }

        var candidates = Walk(root).Where(n => n.Status == NodeStatus.VetoCandidate).Select(n => n.Name).ToList();
        if (candidates.Count > 0)
        {
            notes.Add($"发现疑似否决问题（{string.Join("、", candidates)}），待人工确认。");
        }

        return new ScoreSheet(
            input.UnitCode,
            framework.Id,
            framework.Version,
            Version,
            total,
            root.Max,
            vetoed,
            vetoes,
            Grade(framework, root, total, vetoed),
            root,
            notes);
    }

    private static ScoreSheet NotAssessed(Framework framework, ScoringInput input, ScoreNode root, string reason, string note) =>
        new(input.UnitCode, framework.Id, framework.Version, Version, 0, root.Max, false, [], null, root with { Status = NodeStatus.NotMeasured }, [note])
        {
            NotAssessedReason = reason,
        };

    private static string? Grade(Framework framework, ScoreNode root, decimal total, bool vetoed)
    {
        var scale = GradeScale.Of(framework);
        if (vetoed)
        {
            return scale.VetoGrade ?? scale.Bands.LastOrDefault()?.Name;
        }

        var basis = framework.GradeBasis is { } id && Walk(root).FirstOrDefault(n => n.Id == id) is { } node
            ? Rounding.Round(node.Earned, framework.Precision)
            : total;
        return scale.Grade(basis, vetoed: false);
    }

    private static List<ScoreNode> Walk(ScoreNode node)
    {
        var nodes = new List<ScoreNode>();
        var stack = new Stack<ScoreNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            nodes.Add(next);
            for (var i = next.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(next.Children[i]);
            }
        }

        return nodes;
    }
}

/// <summary>Rounding as published: half away from zero (四舍五入).</summary>
public static class Rounding
{
    public static decimal Round(decimal value, int decimals) => Math.Round(value, Math.Clamp(decimals, 0, 28), MidpointRounding.AwayFromZero);
}
