using System.Globalization;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Rules;

namespace GovEval.Core.Scoring;

/// <summary>
/// One pass over a framework's indicator tree for one unit. Groups sum their children and rescale when
/// some do not apply (Part 2 out of 75 × 4/3, or the left-over points in equal shares when the group says
/// <c>redistribute: even</c>); bonuses add on top without rescaling; a gated indicator
/// (Part 3 counted only when Part 2 is above 80) reads its target's result.
/// </summary>
internal sealed class TreeEvaluation(Framework framework, UnitEvidence evidence)
{
    // Results by indicator id: a gate reads another indicator's result (Part 3 reads Part 2), which is
    // evaluated once, whichever of the two the tree reaches first.
    private readonly Dictionary<string, ScoreNode> evaluated = new(StringComparer.Ordinal);

    // Indicators being evaluated: reaching one again means its gates come back around to it.
    private readonly HashSet<string> underway = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> whyNotMeasured = new(StringComparer.Ordinal);

    // Node values keep six decimals; only published totals are rounded to the framework's precision.
    private const int NodeDecimals = 6;

    /// <summary>Why each leaf left "not measured" was not (the scanner's reason, 未录入…), by indicator id.</summary>
    public IReadOnlyDictionary<string, string> WhyNotMeasured => whyNotMeasured;

    public ScoreNode Evaluate() => Node(framework.Root);

    private ScoreNode Node(Indicator indicator)
    {
        if (evaluated.TryGetValue(indicator.Id, out var done))
        {
            return done;
        }

        if (!underway.Add(indicator.Id))
        {
            // FrameworkLoader refuses such files; only a framework built some other way gets here.
            throw new InvalidOperationException($"framework '{framework.Id}': the gate of '{indicator.Id}' depends on itself (a gate cycle)");
        }

        var result = Evaluate(indicator);
        evaluated[indicator.Id] = result;
        underway.Remove(indicator.Id);
        return result;
    }

    private ScoreNode Evaluate(Indicator indicator)
    {
        if (indicator.AppliesWhen is { } condition && !condition.Holds(evidence.Facts))
        {
            return new ScoreNode(indicator.Id, indicator.Name, NodeStatus.NotApplicable, 0, 0,
                [new ScoreLine($"不适用（适用条件：{condition}）", 0, [])], []);
        }

        if (indicator.Gate is { } gate && framework.Find(gate.Indicator) is { } gateTarget)
        {
            var reached = Rounding.Round(Node(gateTarget).Earned, framework.Precision);
            if (reached <= gate.Above)
            {
                return new ScoreNode(indicator.Id, indicator.Name, NodeStatus.GatedOff, indicator.Points, 0,
                    [new ScoreLine($"{gateTarget.Name}得分{Format(reached)}，未超过{Format(gate.Above)}分，本项不计分", 0, [])],
                    indicator.Children.Select(Node).ToList());
            }
        }

        var node = indicator.Rule switch
        {
            RuleKind.Group => Group(indicator),
            RuleKind.Veto => Veto(indicator),
            RuleKind.Deduct => Deduct(indicator),
            RuleKind.Metric => Metric(indicator),
            RuleKind.Expert or RuleKind.Bonus or RuleKind.Survey => Entered(indicator),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
        };
        var earned = indicator.Precision is { } p ? Rounding.Round(node.Earned, p) : Math.Round(node.Earned, NodeDecimals, MidpointRounding.AwayFromZero);
        return node with { Earned = earned };
    }

    private ScoreNode Group(Indicator indicator)
    {
        var children = indicator.Children.Select(Node).ToList();
        var regularPoints = 0m;
        var applicableMax = 0m;
        var regularEarned = 0m;
        var bonusMax = 0m;
        var bonusEarned = 0m;
        for (var i = 0; i < children.Count; i++)
        {
            var (definition, result) = (indicator.Children[i], children[i]);
            if (IsBonus(definition))
            {
                bonusMax += result.Max;
                bonusEarned += result.Earned;
                continue;
            }

            regularPoints += definition.Points;
            applicableMax += result.Max;
            regularEarned += result.Earned;
        }

        var lines = new List<ScoreLine>();
        var earned = bonusEarned;
        var max = bonusMax;
        if (applicableMax > 0 && applicableMax != regularPoints && indicator.Redistribute == Redistribution.Even)
        {
            // Equal shares of the points left over: each remaining child's result is scaled to its points plus one share.
            var remaining = indicator.Children.Select((c, i) => (Definition: c, Result: children[i]))
                .Where(c => !IsBonus(c.Definition) && c.Result.Max > 0).ToList();
            var freed = regularPoints - applicableMax;
            var k = remaining.Count;
            // Multiply before dividing: 25 over four blocks of 20, 25, 20, 10 is exactly 6.25 more for each.
            earned += remaining.Sum(c => c.Result.Earned * (c.Result.Max * k + freed) / (c.Result.Max * k));
            max += regularPoints;
            lines.Add(new ScoreLine($"部分指标不适用或未测量，其分值{Format(freed)}分平均分配给其余{k}项（每项增加{Format(Math.Round(freed / k, 4, MidpointRounding.AwayFromZero))}分）", 0, []));
        }
        else if (applicableMax > 0)
        {
            // Multiply before dividing so 75 × 100 / 75 is exactly 100.
            earned += regularEarned * regularPoints / applicableMax;
            max += regularPoints;
            if (applicableMax != regularPoints)
            {
                lines.Add(new ScoreLine($"部分指标不适用或未测量，按适用分值{Format(applicableMax)}分折算为{Format(regularPoints)}分（×{Format(regularPoints)}/{Format(applicableMax)}）", 0, []));
            }
        }

        var status = children.Any(c => c.Status == NodeStatus.VetoHit) ? NodeStatus.VetoHit
            : children.Count > 0 && children.All(c => c.Status == NodeStatus.NotApplicable) ? NodeStatus.NotApplicable
            : max == 0 && regularPoints > 0 ? NodeStatus.NotMeasured
            : NodeStatus.Scored;
        return new ScoreNode(indicator.Id, indicator.Name, status, max, earned, lines, children);
    }

    /// <summary>
    /// A bonus adds on top of its group and is never rescaled: a gated indicator, a bonus leaf, or a group of bonuses.
    /// Re-aggregation under other weights (<see cref="Results.Stability.WeightTree"/>) and change attribution read the
    /// same classification.
    /// </summary>
    internal static bool IsBonus(Indicator indicator) =>
        indicator.Gate is not null
        || indicator.Rule == RuleKind.Bonus
        || (indicator.Rule == RuleKind.Group && indicator.Children.Count > 0 && indicator.Children.All(IsBonus));

    private ScoreNode Veto(Indicator indicator)
    {
        var found = new List<FindingGroup>();
        string? whyNot = null;
        foreach (var rule in indicator.Findings)
        {
            var groups = evidence.Findings(rule, out var reason);
            if (groups is null)
            {
                whyNot ??= reason;
                continue;
            }

            found.AddRange(groups);
        }

        var refs = found.Select(Ref).ToList();
        var measured = indicator.Findings.Count > 0 && whyNot is null;
        var input = indicator.Input is not null || indicator.ConfirmByInput ? evidence.InputFor(indicator.InputKey) : null;
        var decision = input is null ? null : InputValues.ParseYesNo(input.Value);
        if (input is not null && decision is null)
        {
            throw new Errors.InputException(input.Source, InputRules.Problem(indicator, input.Value) ?? $"'{input.Value}' is not 是 or 否");
        }

        if (decision == true)
        {
            refs.Add(InputRef(input!));
            return Result(NodeStatus.VetoHit, $"经人工确认：{indicator.Name}", refs);
        }

        if (indicator.ConfirmByInput)
        {
            return decision == false
                ? Result(NodeStatus.VetoClear, found.Count > 0 ? $"疑似问题{found.Count}处，经人工核实排除" : "经人工确认无此问题", [.. refs, InputRef(input!)])
                : found.Count > 0
                    ? Result(NodeStatus.VetoCandidate, $"发现疑似问题{found.Count}处，待人工确认", refs)
                    : measured ? Result(NodeStatus.VetoClear, "未发现", []) : Result(NodeStatus.NotMeasured, whyNot ?? "未录入人工确认结果", []);
        }

        if (found.Count > 0)
        {
            return Result(NodeStatus.VetoHit, $"{indicator.Name}：{found[0].Findings[0].Message}", refs);
        }

        if (decision == false || measured)
        {
            return Result(NodeStatus.VetoClear, "未触发", input is null ? [] : [InputRef(input)]);
        }

        return Result(NodeStatus.NotMeasured, whyNot ?? "未录入", []);

        ScoreNode Result(NodeStatus status, string text, IReadOnlyList<EvidenceRef> lineEvidence)
        {
            if (status == NodeStatus.NotMeasured)
            {
                whyNotMeasured[indicator.Id] = text;
            }

            return new(indicator.Id, indicator.Name, status, 0, 0, [new ScoreLine(text, 0, lineEvidence)], []);
        }
    }

    private ScoreNode Deduct(Indicator indicator)
    {
        var lines = new List<ScoreLine>();
        var reasons = new List<string>();
        var total = 0m;
        var measured = false;
        foreach (var deduction in indicator.Deductions)
        {
            if (deduction.Finding is { } rule)
            {
                var groups = evidence.Findings(rule, out var whyNot);
                if (groups is null)
                {
                    reasons.Add($"{RuleCatalogue.NameOf(rule)}{whyNot}");
                    continue;
                }

                measured = true;
                if (groups.Count > 0)
                {
                    var amount = groups.Count * deduction.Each;
                    total += amount;
                    lines.Add(new ScoreLine($"{RuleCatalogue.NameOf(rule)}{groups.Count}处，每处扣{Format(deduction.Each)}分", -amount, groups.Select(Ref).ToList()));
                }
            }
            else if (deduction.Measurement is { } name)
            {
                var value = evidence.Measurement(name, out var whyNot);
                if (value is null)
                {
                    reasons.Add($"{MeasurementCatalogue.Find(name)?.Description ?? name}{whyNot}");
                    continue;
                }

                measured = true;
                var units = deduction.Per is { } per ? Math.Floor(value.Value / per) : value.Value;
                var amount = units * deduction.Each;
                if (amount > 0)
                {
                    total += amount;
                    var perText = deduction.Per is { } p ? $"每{FormatMeasure(name, p)}扣{Format(deduction.Each)}分" : $"每单位扣{Format(deduction.Each)}分";
                    lines.Add(new ScoreLine($"{MeasurementCatalogue.Find(name)?.Description ?? name}为{FormatMeasure(name, value.Value)}，{perText}", -amount, [MeasurementRef(name, value.Value)]));
                }
            }
        }

        if (!measured)
        {
            return Missing(indicator, string.Join("；", reasons));
        }

        if (total > indicator.Points)
        {
            lines.Add(new ScoreLine($"扣分合计{Format(total)}分，以本项分值{Format(indicator.Points)}分为限", total - indicator.Points, []));
        }

        if (lines.Count == 0)
        {
            lines.Add(new ScoreLine("未发现问题", 0, []));
        }

        var note = reasons.Count > 0 ? $"部分来源未测量：{string.Join("；", reasons)}" : null;
        return new ScoreNode(indicator.Id, indicator.Name, NodeStatus.Scored, indicator.Points, indicator.Points - Math.Min(total, indicator.Points), lines, [], note);
    }

    private ScoreNode Metric(Indicator indicator)
    {
        var value = evidence.Measurement(indicator.Measurement!, out var whyNot);
        if (value is null)
        {
            return Missing(indicator, whyNot ?? "无测量值");
        }

        var earned = Curves.Points(indicator.Curve!, value.Value, indicator.Points);
        var description = MeasurementCatalogue.Find(indicator.Measurement!)?.Description ?? indicator.Measurement!;
        return new ScoreNode(indicator.Id, indicator.Name, NodeStatus.Scored, indicator.Points, earned,
            [new ScoreLine($"{description}为{FormatMeasure(indicator.Measurement!, value.Value)}，得{Format(Math.Round(earned, 2, MidpointRounding.AwayFromZero))}分", earned - indicator.Points, [MeasurementRef(indicator.Measurement!, value.Value)])],
            []);
    }

    private ScoreNode Entered(Indicator indicator)
    {
        var input = evidence.InputFor(indicator.InputKey);
        if (input is null)
        {
            return Missing(indicator, "未录入");
        }

        if (InputRules.Problem(indicator, input.Value) is { } problem)
        {
            throw new Errors.InputException(input.Source, problem);
        }

        decimal earned;
        if (indicator.Options is { } options)
        {
            earned = options[input.Value.Trim()];
        }
        else
        {
            InputValues.TryParseNumber(input.Value, out var number);
            earned = indicator.Rule == RuleKind.Survey ? Curves.Points(indicator.Curve!, number, indicator.Points) : number;
        }

        var who = input.Assessor is { Length: > 0 } a ? a : "评估人员";
        var kind = indicator.Rule switch { RuleKind.Survey => "调查结果", RuleKind.Bonus => "加分评议", _ => "专家评议" };
        return new ScoreNode(indicator.Id, indicator.Name, NodeStatus.Scored, indicator.Points, earned,
            [new ScoreLine($"{kind}（{who}）：{input.Value.Trim()}，得{Format(Math.Round(earned, 2, MidpointRounding.AwayFromZero))}分", earned - indicator.Points, [InputRef(input)])],
            []);
    }

    private ScoreNode Missing(Indicator indicator, string reason)
    {
        whyNotMeasured[indicator.Id] = reason;
        var (max, earned, text) = indicator.WhenMissing switch
        {
            MissingPolicy.Zero => (indicator.Points, 0m, $"{reason}，本项按0分计"),
            MissingPolicy.Full => (indicator.Points, indicator.Points, $"{reason}，本项按满分计"),
            _ => (0m, 0m, $"{reason}，本项不计入，所在指标按适用分值折算"),
        };
        return new ScoreNode(indicator.Id, indicator.Name, NodeStatus.NotMeasured, max, earned, [new ScoreLine(text, 0, [])], []);
    }

    private static EvidenceRef Ref(FindingGroup group)
    {
        var first = group.Findings[0];
        return new EvidenceRef(
            "finding",
            Rule: first.Rule,
            Url: first.Url,
            Page: first.Page,
            Warc: first.Evidence?.Warc,
            Record: first.Evidence?.Record,
            Sha256: first.Evidence?.Sha256,
            CapturedAt: first.Evidence?.CapturedAt,
            Value: group.Findings.Count > 1 ? $"{first.Message}（另见{group.Findings.Count - 1}处页面）" : first.Message);
    }

    private static EvidenceRef InputRef(ExpertInput input) =>
        new("input", Url: input.Evidence, Source: input.Source, Assessor: input.Assessor, Value: input.Value);

    private static EvidenceRef MeasurementRef(string name, decimal value) =>
        new("measurement", Rule: name, Value: value.ToString(CultureInfo.InvariantCulture));

    internal static string FormatMeasure(string name, decimal value) =>
        MeasurementCatalogue.Find(name)?.Unit == "比例"
            ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"
            : Format(value) + (MeasurementCatalogue.Find(name)?.Unit ?? "");

    internal static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
