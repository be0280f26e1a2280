using GovEval.Core.Registry;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// The combined index.html of a bundle, in the form of the 2020 release: first every part's results as its
/// framework publishes them (a binary verdict as counts and the failing units, graded cohorts as grade lists with
/// the movements, ranked cohorts as 前10名 lists), then the 优秀创新案例 of every cohort, then the findings. Each part's
/// section links to its full release in its sub-folder and every unit name to its score sheet there.
/// </summary>
public static class BundlePage
{
    public static string Render(string title, IReadOnlyList<BundlePart> parts)
    {
        var sections = parts.Select(p => new ReleaseSections(p.Release, p.Folder + "/", p.Folder + "-")).ToList();
        var cases = sections
            .Select(s => (Part: s, Cohorts: InnovationCases.ByCohort(s.Release)))
            .Where(s => s.Cohorts.Count > 0)
            .ToList();
        var findings = sections.Where(s => s.Release.Statistics.Count > 0).ToList();
        var years = string.Join("、", parts.Select(p => p.Release.Year).Distinct().Order());

        var page = new HtmlDocument(title);
        page.Line("<header class=\"top\">")
            .Line($"<h1>{E(title)}</h1>")
            .Line($"<p>{years}年 · {string.Join("、", parts.Select(p => E(p.Release.Title)))}</p>")
            .Line("</header>")
            .Line("<main>");

        page.Raw("<nav class=\"toc\">");
        foreach (var part in sections)
        {
            page.Raw($"<a href=\"#{E(part.Id("results"))}\">{E(part.Release.Title)}</a>");
        }

        page.Raw(cases.Count > 0 ? "<a href=\"#innovation\">优秀创新案例</a>" : "")
            .Line(findings.Count > 0 ? "<a href=\"#findings\">评估发现</a></nav>" : "</nav>");

        foreach (var part in sections)
        {
            page.Line($"<section class=\"block\" id=\"{E(part.Id("results"))}\">")
                .Line($"<h2>{E(part.Release.Title)}</h2>");
            Source(page, part, $"{part.Release.Year}年 · 指标体系：{E(part.Release.Framework.Name)}（{E(part.Release.Framework.Id)} {E(part.Release.Framework.Version)}）");
            foreach (var cohort in part.Release.Cohorts)
            {
                if (part.PassFail)
                {
                    part.PassFailList(page, cohort);
                }
                else if (cohort.Cohort.Result == CohortResult.Graded)
                {
                    part.GradeLists(page, cohort);
                }
                else
                {
                    part.RankList(page, cohort);
                }
            }

            if (part.Release.Transitions.Count > 0)
            {
                page.Line($"<div class=\"movements\" id=\"{E(part.Id("movements"))}\">");
                part.Movements(page, level: 3);
                page.Line("</div>");
            }

            page.Line("</section>");
        }

        if (cases.Count > 0)
        {
            page.Line("<section class=\"block\" id=\"innovation\">").Line("<h2>优秀创新案例</h2>");
            foreach (var (part, cohorts) in cases)
            {
                page.Line($"<div id=\"{E(part.Id("innovation"))}\">");
                Source(page, part, E(part.Release.Title));
                foreach (var (cohort, list) in cohorts)
                {
                    part.InnovationList(page, cohort, list);
                }

                page.Line("</div>");
            }

            page.Line("</section>");
        }

        if (findings.Count > 0)
        {
            page.Line("<section class=\"block\" id=\"findings\">").Line("<h2>评估发现</h2>");
            foreach (var part in findings)
            {
                page.Line($"<div id=\"{E(part.Id("findings"))}\">");
                Source(page, part, E(part.Release.Title));
                part.FindingsList(page);
                page.Line("</div>");
            }

            page.Line("</section>");
        }

        page.Line("</main>")
            .Line($"<footer>数据来源：{string.Join("；", parts.Select(p => E(p.Release.Run)))} · 由 GovEval 生成</footer>");
        return page.ToString();
    }

    /// <summary>What a part's section shows, and the link to the part's full release (every table and score sheet).</summary>
    /// <param name="markup">Already encoded.</param>
    private static void Source(HtmlDocument page, ReleaseSections part, string markup) =>
        page.Line($"<p class=\"part\">{markup} · <a href=\"{E(part.Link(ReleasePage.FileName))}\">完整结果</a></p>");
}
