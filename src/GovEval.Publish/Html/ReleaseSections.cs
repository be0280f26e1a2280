using GovEval.Core.Registry;
using GovEval.Core.Results;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// The pieces of a results page, shared by a release's own index.html and a bundle's combined page, which shows
/// several releases at once. <paramref name="folder"/> is where the release's files lie relative to the page ("" for
/// its own index.html, "capability-2020/" from a bundle's); <paramref name="idPrefix"/> keeps anchors unique when
/// releases whose cohorts share ids sit on one page. Everything is read from the release; nothing is computed here.
/// </summary>
public sealed class ReleaseSections(Release release, string folder = "", string idPrefix = "")
{
    public Release Release => release;

    /// <summary>An anchor of this release on the page.</summary>
    public string Id(string local) => idPrefix + local;

    /// <summary>A file of this release, relative to the page.</summary>
    public string Link(string relative) => folder + relative;

    /// <summary>
    /// True when the framework's verdict is binary (合格/不合格): published as counts and a list of failures rather
    /// than as ranks or grade lists, whatever the cohort's own result kind.
    /// </summary>
    public bool PassFail => release.Framework.Grades.Order.Count == 2;

    /// <summary>第一名：商务部 … under the list's title, with the cohort's note on tie order.</summary>
    public void RankList(HtmlDocument page, CohortResults cohort)
    {
        page.Line($"<section class=\"cohort\" id=\"{E(Id("cohort-" + cohort.Cohort.Id))}\">")
            .Line($"<h3>{E(ReleaseTitles.RankList(release, cohort))}</h3>");
        if (cohort.Top.Count == 0)
        {
            page.Line("<p>暂无评估结果。</p>");
        }
        else
        {
            page.Line("<ol class=\"ranks\">");
            foreach (var group in cohort.Top)
            {
                page.Line($"<li><span class=\"rank\">{ChineseNumerals.Ordinal(group.Rank)}：</span>{Names(group.Units.Select(u => u.Unit))}</li>");
            }

            page.Line("</ol>");
        }

        Note(page, cohort.Cohort.Note);
        page.Line("</section>");
    }

    /// <summary>One list per grade, best first (省级数字政府服务能力优秀级), units in the cohort's tie order.</summary>
    public void GradeLists(HtmlDocument page, CohortResults cohort)
    {
        page.Line($"<section class=\"cohort\" id=\"{E(Id("cohort-" + cohort.Cohort.Id))}\">");
        if (cohort.Grades.Count == 0)
        {
            page.Line($"<h3>{E(cohort.Cohort.Name)}</h3>").Line("<p>暂无评估结果。</p>");
        }

        foreach (var grade in cohort.Grades)
        {
            page.Line($"<h3>{E(ReleaseTitles.GradeList(release, cohort, grade))}</h3>")
                .Line($"<ul class=\"grade\">{string.Concat(grade.Units.Select(u => $"<li>{UnitName(u.Unit)}</li>"))}</ul>");
            Note(page, cohort.Cohort.Note);
        }

        page.Line("</section>");
    }

    /// <summary>
    /// A binary verdict: how many units passed and failed, then the failing units in official order under the
    /// framework's grade-list title (国务院组成部门网站检查不合格名单).
    /// </summary>
    public void PassFailList(HtmlDocument page, CohortResults cohort)
    {
        var grades = release.Framework.Grades;
        var (pass, fail) = (grades.Order[0], grades.Order[^1]);
        var failed = cohort.Units.Where(u => u.Grade == fail).OrderBy(u => u.Unit, OfficialOrder).ToList();
        var counts = $"{E(cohort.Cohort.Name)}：评估{cohort.Units.Count(u => u.Assessed)}个，"
            + $"{E(grades.Label(pass))}{cohort.Units.Count(u => u.Grade == pass)}个，{E(grades.Label(fail))}{failed.Count}个"
            + (cohort.NotAssessed.Count > 0 ? $"，未评估{cohort.NotAssessed.Count}个" : "");
        page.Line($"<section class=\"cohort\" id=\"{E(Id("cohort-" + cohort.Cohort.Id))}\">")
            .Line($"<h3>{E(ReleaseTitles.GradeList(release, cohort, new GradeGroup(fail, grades.Label(fail), failed)))}</h3>")
            .Line($"<p class=\"counts\">{counts}</p>");
        if (failed.Count == 0)
        {
            page.Line($"<p>无{E(grades.Label(fail))}单位。</p>");
        }
        else
        {
            page.Line($"<ul class=\"grade failed\">{string.Concat(failed.Select(u => $"<li>{UnitName(u.Unit)}{(u.Vetoed ? "<span class=\"veto\">（单项否决）</span>" : "")}</li>"))}</ul>");
            Note(page, OrderNote(failed.Select(u => u.Unit)));
        }

        page.Line("</section>");
    }

    /// <summary>A cohort's innovation cases (省级“十大”优秀创新案例): unit and case title, in official order.</summary>
    public void InnovationList(HtmlDocument page, CohortResults cohort, IReadOnlyList<InnovationCase> cases)
    {
        // "十大" only when there are ten: fewer cases, or more tied with the tenth, would make the title untrue.
        var title = cases.Count == InnovationCases.Listed ? $"{cohort.Cohort.Label}“十大”优秀创新案例" : $"{cohort.Cohort.Label}优秀创新案例";
        page.Line($"<section class=\"cohort\" id=\"{E(Id("innovation-" + cohort.Cohort.Id))}\">")
            .Line($"<h3>{E(title)}</h3>")
            .Line("<table class=\"cases\"><thead><tr><th>单位</th><th>创新案例</th></tr></thead><tbody>");
        foreach (var item in cases)
        {
            page.Line($"<tr><td>{UnitName(item.Unit)}</td><td>{E(item.Title ?? "")}</td></tr>");
        }

        page.Line("</tbody></table>");
        Note(page, OrderNote(cases.Select(c => c.Unit)) + (cases.Count > InnovationCases.Listed ? "；与第十位得分相同的单位一并列出" : ""));
        page.Line("</section>");
    }

    /// <summary>
    /// The movement sentences (优秀级：由15个上升至18个，其中3个良好级升至优秀级) under a heading of the given level,
    /// the whole release first; per-cohort summaries only add something when there are several cohorts.
    /// </summary>
    public void Movements(HtmlDocument page, int level)
    {
        var years = release.PreviousYear is { } previous ? $"（{previous}年—{release.Year}年）" : "";
        page.Line($"<h{level}>组别之间的变动{years}</h{level}>");
        var shown = release.Transitions.Count(t => t.Scope != "all") > 1 ? release.Transitions : release.Transitions.Take(1);
        foreach (var summary in shown)
        {
            page.Line($"<h{level + 1}>{E(summary.ScopeName)}</h{level + 1}>")
                .Line($"<ul class=\"sentences\">{string.Concat(summary.Sentences.Select(s => $"<li>{E(s)}</li>"))}</ul>");
            if (summary.Scope == "all" && summary.Movements.Count > 0)
            {
                page.Line("<table><thead><tr><th>单位</th><th>原等级</th><th>现等级</th></tr></thead><tbody>");
                foreach (var move in summary.Movements)
                {
                    page.Line($"<tr><td>{UnitName(move.Unit)}</td><td>{E(release.Framework.Grades.Label(move.From))}</td><td>{E(release.Framework.Grades.Label(move.To))}</td></tr>");
                }

                page.Line("</tbody></table>");
            }
        }
    }

    /// <summary>The statistics' sentences: 23个省级（占比71.9%）明确了政务数据统筹管理机构.</summary>
    public void FindingsList(HtmlDocument page) =>
        page.Line($"<ul class=\"findings\">{string.Concat(release.Statistics.Select(s => $"<li>{E(s.Sentence)}</li>"))}</ul>");

    /// <summary>The published short name, linked to the unit's score sheet when the release has one.</summary>
    public string UnitName(Unit unit) =>
        release.Sheets.ContainsKey(unit.Code)
            ? $"<a href=\"{E(Link(UnitPages.Link(unit.Code)))}\">{E(unit.Short)}</a>"
            : E(unit.Short);

    private string Names(IEnumerable<Unit> units) => string.Join(" ", units.Select(UnitName));

    public static void Note(HtmlDocument page, string note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            page.Line($"<p class=\"note\">{E(note)}</p>");
        }
    }

    private static readonly IComparer<Unit> OfficialOrder = TieOrdering.Comparer(TieOrder.Official, _ => null);

    /// <summary>The note of a list in official order, naming the sequence its units follow.</summary>
    private static string OrderNote(IEnumerable<Unit> units)
    {
        var levels = units.Select(u => u.Level == UnitLevel.Central).Distinct().ToList();
        return levels switch
        {
            [true] => "注：按照国务院机构序列排序",
            [false] => "注：按照行政区划序列排序",
            _ => "注：按照国务院机构序列或行政区划序列排序",
        };
    }
}
