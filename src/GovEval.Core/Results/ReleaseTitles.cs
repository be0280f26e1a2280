using System.Globalization;

namespace GovEval.Core.Results;

/// <summary>
/// List titles of a release from the framework's templates: {label} is the cohort's label, {grade} the grade's
/// label, {top} the number of ranks listed. The defaults give the seed's website titles (国务院组成部门网站前10名,
/// 直辖市政府网站评估结果); a framework sets its own (省级数字政府服务能力优秀级).
/// </summary>
public static class ReleaseTitles
{
    public const string DefaultGradeList = "{label}{grade}";
    public const string DefaultTopList = "{label}网站前{top}名";
    public const string DefaultFullList = "{label}网站评估结果";

    public static string GradeList(Release release, CohortResults cohort, GradeGroup grade) =>
        Fill(release.GradeListTitle ?? DefaultGradeList, cohort, grade.Label);

    /// <summary>The title of a ranked cohort's list: the top-N title, or the full-list title when every unit fits.</summary>
    public static string RankList(Release release, CohortResults cohort) =>
        cohort.TopIsComplete
            ? Fill(release.FullListTitle ?? DefaultFullList, cohort, null)
            : Fill(release.TopListTitle ?? DefaultTopList, cohort, null);

    private static string Fill(string template, CohortResults cohort, string? grade) =>
        template
            .Replace("{label}", cohort.Cohort.Label, StringComparison.Ordinal)
            .Replace("{name}", cohort.Cohort.Name, StringComparison.Ordinal)
            .Replace("{top}", cohort.Cohort.Top.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{grade}", grade ?? "", StringComparison.Ordinal);
}
