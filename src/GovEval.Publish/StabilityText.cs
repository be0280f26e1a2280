using System.Globalization;
using GovEval.Core.Frameworks;
using GovEval.Core.Results;
using GovEval.Core.Results.Changes;
using GovEval.Core.Results.Stability;

namespace GovEval.Publish;

/// <summary>
/// How every format words rank stability and change attribution for its Chinese readers: intervals (5–9), the
/// method sentence under the tables, signed point moves (+2.25). Formatting only; the figures come from the release.
/// </summary>
public static class StabilityText
{
    /// <summary>The method, as the release states it under its tables.</summary>
    public static string Method(StabilitySettings settings) =>
        $"排名区间、总分区间：将指标体系各级权重（各组内每个指标的分值）在±{Percent(settings.Spread)}范围内随机扰动并按组内原分值合计重新归一，"
        + $"共{settings.Samples.ToString("N0", CultureInfo.InvariantCulture)}次（随机种子{settings.Seed.ToString(CultureInfo.InvariantCulture)}），"
        + $"按指标体系规则重新汇总各单位已有的指标得分后排名，取{settings.Low}%–{settings.High}%分位区间；"
        + "扣分上限、单项否决和加分条件照常适用。“不稳健”表示该单位总分（或定级所依据的得分）的区间跨越等级分界。";

    /// <summary>The note a release prints about stability: the method, or why there is no analysis.</summary>
    public static string Note(Release release) =>
        release.Stability is { Computed: true, Settings: { } settings } ? Method(settings) : release.Stability.Withheld ?? "";

    /// <summary>5–9, or 5 when the interval holds one rank.</summary>
    public static string Ranks(UnitStability stability) =>
        stability.RankLow is { } low && stability.RankHigh is { } high
            ? low == high ? low.ToString(CultureInfo.InvariantCulture) : $"{low}–{high}"
            : "";

    /// <summary>84.1–86.3 at the cohort's precision.</summary>
    public static string Totals(UnitStability stability, int precision) =>
        stability.TotalLow == stability.TotalHigh
            ? Numbers.Fixed(stability.TotalLow, precision)
            : $"{Numbers.Fixed(stability.TotalLow, precision)}–{Numbers.Fixed(stability.TotalHigh, precision)}";

    /// <summary>稳健 or 不稳健, for a unit with a grade.</summary>
    public static string Robustness(GradeStability grade) => grade.Robust ? "稳健" : "不稳健";

    /// <summary>The sentence of a unit's score sheet page about its grade under other weights.</summary>
    public static string GradeSentence(GradeStability grade, string label)
    {
        var interval = grade.BasisLow == grade.BasisHigh
            ? Numbers.Fixed(grade.BasisLow, grade.Precision)
            : $"{Numbers.Fixed(grade.BasisLow, grade.Precision)}–{Numbers.Fixed(grade.BasisHigh, grade.Precision)}";
        return $"{Robustness(grade)}：{grade.BasisName}区间{interval}，{Percent(grade.SameGradeShare)}的扰动结果仍为{label}";
    }

    /// <summary>The grade-basis interval alone: 84.1–86.3.</summary>
    public static string Basis(GradeStability grade) =>
        grade.BasisLow == grade.BasisHigh
            ? Numbers.Fixed(grade.BasisLow, grade.Precision)
            : $"{Numbers.Fixed(grade.BasisLow, grade.Precision)}–{Numbers.Fixed(grade.BasisHigh, grade.Precision)}";

    /// <summary>Signed points at the attribution's decimals: +2.25, −1.00, 0.00.</summary>
    public static string Signed(decimal points, int decimals) =>
        points > 0 ? "+" + Numbers.Fixed(points, decimals)
        : points < 0 ? "−" + Numbers.Fixed(-points, decimals)
        : Numbers.Fixed(0, decimals);

    public static string ChangeName(ChangeItem item) => item.Change switch
    {
        ChangeKind.Appeared => item.Kind == "finding" ? "新发现" : item.Kind == "veto" ? "触发" : "新增",
        ChangeKind.Disappeared => item.Kind == "finding" ? "不再发现" : item.Kind == "veto" ? "解除" : "取消",
        ChangeKind.Changed => "变化",
        _ => item.Kind switch { "rescale" => "折算", "gate" => "加分条件", _ => "得分状态" },
    };

    public static string KindName(string kind) => kind switch
    {
        "finding" => "问题",
        "input" => "录入值",
        "measurement" => "测量值",
        "veto" => "单项否决",
        "rescale" => "折算",
        "gate" => "加分条件",
        _ => "指标",
    };

    private static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
