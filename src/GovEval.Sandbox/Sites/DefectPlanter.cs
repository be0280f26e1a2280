using System.Globalization;
using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Sites;

/// <summary>
/// Puts a site's planted defects on concrete pages: typos, sensitive terms, leaked personal data, bad meta tags and
/// http images on articles; broken links, downloads and systems where their rule says they count; serious errors.
/// </summary>
public static class DefectPlanter
{
    public static void PlantArticleDefects(SiteEntry site, List<Column> columns, ref Rng rng, Dictionary<(int, int), ArticleDefects> articles, HttpsMode https)
    {
        var intents = site.Intents;
        var hosts = columns.Where(c => c.Count > 0 && !c.Messages && c.Class is ColumnClass.News or ColumnClass.Notice or ColumnClass.Policy or ColumnClass.Other && c.Titles != TitleSource.AnnualReport).ToList();
        if (hosts.Count == 0)
        {
            return;
        }

        ArticleDefects At(ref Rng r)
        {
            var column = r.Pick(hosts);
            var k = r.Next(Math.Min(column.Count, column.PageSize));
            if (!articles.TryGetValue((column.Index, k), out var defects))
            {
                articles[(column.Index, k)] = defects = new ArticleDefects();
            }

            return defects;
        }

        if (intents.Has(Intent.Typo))
        {
            for (var i = rng.Next(1, 4); i > 0; i--)
            {
                var pool = rng.Chance(0.7) ? Dictionaries.ReliableMisusedWords : Dictionaries.OfficialTerms.Where(t => !t.Serious).ToList();
                At(ref rng).Typo = rng.Pick(pool);
            }
        }

        if (intents.Has(Intent.Sensitive))
        {
            var pool = Dictionaries.SensitiveTerms.Where(t => !t.Serious).ToList();
            for (var i = rng.Next(1, 3); i > 0; i--)
            {
                At(ref rng).Sensitive = rng.Pick(pool);
            }
        }

        if (intents.Has(Intent.Pii))
        {
            for (var i = rng.Next(1, 4); i > 0; i--)
            {
                At(ref rng).LeakedPii = true;
            }
        }

        if (intents.Has(Intent.PageTags))
        {
            for (var i = rng.Next(2, 5); i > 0; i--)
            {
                At(ref rng).Tags = (TagProblem)rng.Next(1, 5);
            }
        }

        if (intents.Has(Intent.MixedContent) && https == HttpsMode.Good)
        {
            for (var i = rng.Next(1, 4); i > 0; i--)
            {
                At(ref rng).MixedContent = true;
            }
        }

        // Policy documents carry attachments; a few are broken when downloads are meant to fail.
        foreach (var policy in columns.Where(c => c.Titles == TitleSource.Policy && c.Count > 0))
        {
            for (var k = 0; k < Math.Min(policy.Count, policy.PageSize); k += 3)
            {
                if (!articles.TryGetValue((policy.Index, k), out var defects))
                {
                    articles[(policy.Index, k)] = defects = new ArticleDefects();
                }

                var id = policy.ItemId(k).ToString(CultureInfo.InvariantCulture);
                defects.Attachments.Add(new Attachment($"/uploads/wj/{id}_1.{SiteModelBuilder.Extension(ref rng)}", "附件"));
            }
        }
    }

    public static void PlantBrokenLinks(SiteEntry site, List<Column> columns, List<Guide> guides, List<OnlineSystem> systems, ref Rng rng, Dictionary<(int, int), ArticleDefects> articles, List<BrokenTarget> broken)
    {
        var intents = site.Intents;
        var n = 0;
        string Path(ref Rng r) => $"/zt/{r.Pick(SpecialTopics)}{++n}/index.html";

        if (intents.Has(Intent.BrokenHomepageLinks))
        {
            for (var i = rng.Next(1, 4); i > 0; i--)
            {
                var kind = PickBreak(ref rng);
                broken.Add(new BrokenTarget(TargetFor(kind, Path(ref rng), ref rng), kind, Quality.RuleIds.LinksBrokenHomepage, PageRef.Home, rng.Pick(SpecialTopicNames)));
            }
        }

        var articleHosts = columns.Where(c => c.Count > 0 && !c.Messages && c.Class is ColumnClass.News or ColumnClass.Notice).ToList();
        if (intents.Has(Intent.BrokenLinks) && articleHosts.Count > 0)
        {
            for (var i = rng.Next(1, 5); i > 0; i--)
            {
                var column = rng.Pick(articleHosts);
                var k = rng.Next(Math.Min(column.Count, column.PageSize));
                var kind = PickBreak(ref rng);
                var target = new BrokenTarget(TargetFor(kind, Path(ref rng), ref rng), kind, Quality.RuleIds.LinksBroken, new PageRef(PageKind.Article, column.Index, k), rng.Pick(SpecialTopicNames));
                broken.Add(target);
                if (!articles.TryGetValue((column.Index, k), out var defects))
                {
                    articles[(column.Index, k)] = defects = new ArticleDefects();
                }

                defects.BrokenLinks.Add(target);
            }
        }

        if (intents.Has(Intent.BrokenDownloads))
        {
            var candidates = guides.SelectMany(g => g.Attachments.Select(a => (a, Page: new PageRef(PageKind.Guide, g.Number))))
                .Concat(articles.SelectMany(p => p.Value.Attachments.Select(a => (a, Page: new PageRef(PageKind.Article, p.Key.Item1, p.Key.Item2)))))
                .OrderBy(c => c.a.Path, StringComparer.Ordinal)
                .ToList();
            foreach (var (attachment, page) in rng.Sample(candidates, rng.Next(1, 4)))
            {
                var kind = rng.Pick([BreakKind.NotFound404, BreakKind.NotFound404, BreakKind.ServerError500, BreakKind.ConnectionReset]);
                broken.Add(new BrokenTarget(attachment.Path, kind, Quality.RuleIds.DownloadsBroken, page, attachment.Name));
            }
        }

        if (intents.Has(Intent.SystemDown) && systems.Count > 0)
        {
            foreach (var system in rng.Sample(systems, rng.Next(1, 3)))
            {
                var kind = rng.Pick([BreakKind.BadGateway502, BreakKind.BadGateway502, BreakKind.ConnectionReset, BreakKind.Timeout]);
                broken.Add(new BrokenTarget(system.Path, kind, Quality.RuleIds.ServicesSystemDown, PageRef.Services, system.Name));
            }
        }
    }

    public static PageRef PlantSeriousError(List<Column> columns, ref Rng rng, Dictionary<(int, int), ArticleDefects> articles)
    {
        var hosts = columns.Where(c => c.Count > 0 && c.Class == ColumnClass.News).ToList();
        if (hosts.Count == 0)
        {
            hosts = columns.Where(c => c.Count > 0 && !c.Messages).ToList();
        }

        var column = rng.Pick(hosts);
        var k = rng.Next(Math.Min(column.Count, column.PageSize));
        if (!articles.TryGetValue((column.Index, k), out var defects))
        {
            articles[(column.Index, k)] = defects = new ArticleDefects();
        }

        if (rng.Chance(0.5))
        {
            defects.Typo = rng.Pick(Dictionaries.OfficialTerms.Where(t => t.Serious).ToList());
        }
        else
        {
            defects.Sensitive = rng.Pick(Dictionaries.SensitiveTerms.Where(t => t.Serious).ToList());
        }

        return new PageRef(PageKind.Article, column.Index, k);
    }

    private static BreakKind PickBreak(ref Rng rng)
    {
        var roll = rng.Next(100);
        return roll switch
        {
            < 35 => BreakKind.NotFound404,
            < 45 => BreakKind.Gone410,
            < 60 => BreakKind.ServerError500,
            < 72 => BreakKind.ConnectionReset,
            < 80 => BreakKind.Timeout,
            < 92 => BreakKind.UnresolvableHost,
            _ => BreakKind.RedirectLoop,
        };
    }

    private static string TargetFor(BreakKind kind, string path, ref Rng rng) => kind switch
    {
        BreakKind.UnresolvableHost => $"http://{rng.Pick(SpecialTopics)}.invalid/",
        BreakKind.RedirectLoop => "/go" + path,
        _ => path,
    };

    private static readonly string[] SpecialTopics = ["dscjy", "shzyhx", "ycfk", "fxfk", "xczx", "yhyshj", "qmyf", "zfjs"];

    private static readonly string[] SpecialTopicNames =
        ["党史学习教育", "扫黑除恶专项斗争", "疫情防控专题", "防汛防台专题", "乡村振兴专栏", "优化营商环境专题", "全民阅读", "政务公开专题"];
}
