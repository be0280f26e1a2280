using System.Globalization;
using GovEval.Core.Registry;
using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Sites;

/// <summary>
/// Turns a site entry and its intents into a concrete site. Freshness numbers keep clear margins around the
/// rules' periods (fresh news 0–3 days old, stale news 21+ days; stale notices 200+ days…), so the truth does
/// not hinge on a boundary day.
/// </summary>
public static class SiteModelBuilder
{
    private const int PolicyAndInterpretationLinks = 3;

    public static SiteModel Build(SitePopulation population, SiteEntry site, DateOnly today)
    {
        var seed = population.Seed;
        var rng = Rng.For(seed, "site", site.Index);
        var intents = site.Intents;

        var family = (ListFamily)rng.Next(4);
        var listDates = rng.Pick(ListDateStyles);
        var pageSize = rng.Pick(PageSizes);
        var columns = BuildColumns(seed, site, today, ref rng, family, listDates, pageSize);

        var https = intents.Has(Intent.Https)
            ? rng.Pick([HttpsMode.NoRedirect, HttpsMode.NoRedirect, HttpsMode.NoTls, HttpsMode.ExpiredCertificate, HttpsMode.WrongNameCertificate, HttpsMode.SelfSignedCertificate])
            : HttpsMode.Good;
        var headers = SecurityHeaders.All;
        if (intents.Has(Intent.Headers))
        {
            foreach (var missing in rng.Sample([SecurityHeaders.Hsts, SecurityHeaders.Csp, SecurityHeaders.ContentTypeOptions, SecurityHeaders.FrameOptions], rng.Next(1, 4)))
            {
                headers &= ~missing;
            }
        }

        var (encoding, declaration) = PickEncoding(ref rng);
        var division = site.Unit.Level == UnitLevel.Central ? "110102" : site.Unit.Code;
        var siteIdProblem = intents.Has(Intent.SiteIdCode) ? (rng.Chance(0.5) ? SiteIdProblem.Missing : SiteIdProblem.Malformed) : SiteIdProblem.None;
        var siteId = SiteIdCode(site, siteIdProblem, ref rng);

        var guides = new List<Guide>();
        var systems = new List<OnlineSystem>();
        var hasServices = !intents.Has(Intent.NoServices);
        if (hasServices)
        {
            var names = rng.Sample(GuideNames, rng.Next(6, 11));
            var badGuides = intents.Has(Intent.GuideElements) ? rng.Sample(Enumerable.Range(0, names.Count).ToList(), rng.Next(2, 5)).ToHashSet() : [];
            for (var g = 0; g < names.Count; g++)
            {
                var missing = badGuides.Contains(g)
                    ? rng.Sample(Guide.Elements.Skip(1).ToList(), rng.Next(1, 5)).OrderBy(e => IndexOfElement(e)).ToList()
                    : [];
                var attachments = new List<Attachment>();
                var files = rng.Next(1, 3);
                for (var k = 1; k <= files; k++)
                {
                    attachments.Add(new Attachment($"/uploads/bszn/{g + 1}_{k}.{Extension(ref rng)}", k == 1 ? "申请表" : "材料清单"));
                }

                guides.Add(new Guide(g + 1, names[g] + "（" + site.Name + "）", missing, attachments));
            }

            systems.AddRange(SystemNames.Select((n, i) => new OnlineSystem(i + 1, n)));
        }

        var articles = new Dictionary<(int, int), ArticleDefects>();
        var broken = new List<BrokenTarget>();
        PlantArticleDefects(site, columns, ref rng, articles, https);
        PlantBrokenLinks(site, columns, guides, systems, ref rng, articles, broken);

        PageRef? serious = null;
        if (intents.Has(Intent.SeriousError))
        {
            serious = PlantSeriousError(columns, ref rng, articles);
        }

        var failure = intents.Has(Intent.Unreachable) ? rng.Pick(new[] { 5, 6, 8, 10, 15, 20, 30 })
            : intents.Has(Intent.AvailabilityMinor) ? rng.Next(1, 5)
            : 0;
        // Links to other sites only go to ones whose homepage always opens, so a link check never depends on the clock.
        var relatedHosts = new List<string>();
        for (var tries = 0; tries < 24 && relatedHosts.Count < 4; tries++)
        {
            var other = population.Sites[rng.Next(population.Sites.Count)];
            if (other.Index != site.Index && (other.Intents & (Intent.Unreachable | Intent.AvailabilityMinor)) == 0 && !relatedHosts.Contains(other.Host))
            {
                relatedHosts.Add(other.Host);
            }
        }

        return new SiteModel
        {
            Entry = site,
            Seed = seed,
            Today = today,
            Https = https,
            Ipv6 = intents.Has(Intent.Ipv6) ? (rng.Chance(0.6) ? Ipv6Mode.NoAddress : Ipv6Mode.NoAnswer) : Ipv6Mode.Answers,
            Headers = headers,
            MissingPages = intents.Has(Intent.Soft404) ? (rng.Chance(0.6) ? MissingPageBehaviour.SoftOk : MissingPageBehaviour.RedirectHome) : MissingPageBehaviour.NotFound,
            Search = intents.Has(Intent.NoSearch) ? SearchMode.Missing : intents.Has(Intent.SearchStale) ? SearchMode.Stale : SearchMode.Working,
            SiteIdProblem = siteIdProblem,
            SiteIdCode = siteId,
            FooterGap = intents.Has(Intent.Footer) ? (FooterGap)rng.Next(1, 5) : FooterGap.None,
            Icp = $"{HostNames.FilingPrefix(site.Unit)}ICP备{rng.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture)}号",
            PublicSecurityFiling = $"{HostNames.FilingPrefix(site.Unit)}公网安备 {division}{rng.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture)}号",
            Region = RegionWord(site.Unit),
            DivisionCode = division,
            Family = family,
            HomeDates = rng.Pick(HomeDateStyles),
            GuideLayout = (GuideLayout)rng.Next(3),
            Encoding = encoding,
            Declaration = declaration,
            Columns = columns,
            HasServices = hasServices,
            Guides = guides,
            Systems = systems,
            Broken = broken,
            Articles = articles,
            SeriousErrorPage = serious,
            FailurePercent = failure,
            SlotMultiplier = rng.Pick(Coprimes),
            SlotOffset = rng.Next(100),
            RelatedHosts = relatedHosts,
        };
    }

    private static readonly DateStyle[] ListDateStyles =
        [DateStyle.Iso, DateStyle.Iso, DateStyle.Chinese, DateStyle.Slash, DateStyle.Dot, DateStyle.Labelled, DateStyle.BracketMonthDay, DateStyle.MonthDay];

    private static readonly DateStyle[] HomeDateStyles = [DateStyle.Iso, DateStyle.BracketMonthDay, DateStyle.MonthDay, DateStyle.Chinese, DateStyle.Dot];

    private static readonly int[] PageSizes = [15, 20, 20, 25];

    private static readonly int[] Coprimes = [1, 3, 7, 9, 11, 13, 17, 19, 21, 23, 27, 29, 31, 33, 37, 39, 41, 43, 47, 49];

    private static readonly string[] GuideNames =
    [
        "城乡居民最低生活保障审批", "建设工程规划许可证核发", "食品经营许可", "个体工商户登记", "就业失业登记",
        "社会保障卡申领", "医疗救助申请", "临时救助申请", "城镇老旧小区改造申报", "残疾人两项补贴申请",
        "道路运输经营许可", "公共场所卫生许可", "企业投资项目备案", "再生育审批", "户外广告设置许可",
    ];

    private static readonly string[] SystemNames = ["网上申报系统", "办件进度查询", "在线预约服务"];

    private static int IndexOfElement(string element) => Guide.Elements.ToList().IndexOf(element);

    private static string Extension(ref Rng rng) => rng.Pick(["pdf", "doc", "xls"]);

    private static string RegionWord(Unit unit) => unit.Level switch
    {
        UnitLevel.Central => "国",
        UnitLevel.Province => unit.Kind == "municipality" ? "市" : unit.Kind == "corps" ? "兵团" : "省",
        UnitLevel.Prefecture => unit.Name.EndsWith("州", StringComparison.Ordinal) ? "州" : unit.Name.EndsWith('盟') ? "盟" : unit.Name.EndsWith("地区", StringComparison.Ordinal) ? "地区" : "市",
        _ => unit.Name[^1..],
    };

    private static (PageEncoding, CharsetDeclaration) PickEncoding(ref Rng rng)
    {
        var roll = rng.NextDouble();
        if (roll < 0.62)
        {
            return (PageEncoding.Utf8, rng.Pick([CharsetDeclaration.HeaderAndMeta, CharsetDeclaration.HeaderAndMeta, CharsetDeclaration.MetaOnly, CharsetDeclaration.HeaderOnly]));
        }

        if (roll < 0.70)
        {
            return (PageEncoding.Utf8, CharsetDeclaration.BomOverridesHeader);
        }

        if (roll < 0.90)
        {
            return (PageEncoding.Gbk, rng.Pick([CharsetDeclaration.HeaderAndMeta, CharsetDeclaration.MetaOnly, CharsetDeclaration.MetaGb2312ForGbk, CharsetDeclaration.HeaderOverridesMeta, CharsetDeclaration.Undeclared]));
        }

        return (PageEncoding.Gb18030, rng.Pick([CharsetDeclaration.HeaderAndMeta, CharsetDeclaration.MetaOnly]));
    }

    /// <summary>6-digit division code + 4 digits, or bm + 8 digits for State Council bodies.</summary>
    private static string SiteIdCode(SiteEntry site, SiteIdProblem problem, ref Rng rng)
    {
        var serial = (site.IsPortal ? 1 : site.Department + 2).ToString("0000", CultureInfo.InvariantCulture);
        var code = site.Unit.Level == UnitLevel.Central
            ? "bm" + new string(site.Unit.Code.Where(char.IsAsciiDigit).ToArray()).PadLeft(4, '0') + "0001"
            : site.Unit.Code + serial;
        return problem != SiteIdProblem.Malformed ? code : rng.Next(3) switch
        {
            0 => code[..^1],            // one digit short
            1 => code[..6] + "-" + code[6..], // a separator
            _ => code.Replace('0', 'O'),      // letter O for zero
        };
    }

    private static List<Column> BuildColumns(long seed, SiteEntry site, DateOnly today, ref Rng rng, ListFamily family, DateStyle listDates, int pageSize)
    {
        var intents = site.Intents;
        var specs = new List<ColumnSpec>();
        specs.AddRange(ColumnCatalog.News(site));
        specs.AddRange(ColumnCatalog.Notices.Take(rng.Next(1, 3)));
        specs.AddRange(ColumnCatalog.Policies.Take(rng.Next(2, 4)));
        specs.Add(ColumnCatalog.Personnel);
        specs.Add(ColumnCatalog.Plans);
        specs.Add(ColumnCatalog.About);
        specs.AddRange(ColumnCatalog.Others.Take(rng.Next(1, 3)));
        specs.Add(ColumnCatalog.Others[2]);
        if (intents.Has(Intent.NoConsultation))
        {
            specs.AddRange(ColumnCatalog.Petitions);
        }
        else
        {
            specs.AddRange(ColumnCatalog.Consultations.Take(intents.Has(Intent.Unanswered) ? 2 : rng.Next(1, 3)));
            if (rng.Chance(0.3))
            {
                specs.Add(ColumnCatalog.Petitions[0]);
            }
        }

        specs.AddRange(ColumnCatalog.OtherInteraction);

        var onHomepage = new HashSet<string>(StringComparer.Ordinal) { specs[0].Slug, specs[1].Slug, "zwgk/tzgg", "zwgk/zcwj" };
        var periodic = specs.Where(s => s.Class.FreshSince(today) is not null).ToList();
        var coreNonHome = specs.Where(s => s.Class is ColumnClass.News or ColumnClass.Notice or ColumnClass.Policy && !onHomepage.Contains(s.Slug)).ToList();
        var coreHomeNotNews = specs.Where(s => s.Class is ColumnClass.Notice or ColumnClass.Policy && onHomepage.Contains(s.Slug)).ToList();

        var stale = new HashSet<string>(StringComparer.Ordinal);
        var blank = new HashSet<string>(StringComparer.Ordinal);
        var thin = new HashSet<string>(StringComparer.Ordinal);
        var homeOld = new HashSet<string>(StringComparer.Ordinal);
        if (intents.Has(Intent.HomepageStale))
        {
            // Nothing new on the homepage for 2 weeks: its news blocks are stale, its notice blocks merely quiet.
            stale.Add(specs[0].Slug);
            stale.Add(specs[1].Slug);
            homeOld.UnionWith(coreHomeNotNews.Select(s => s.Slug));
        }
        else if (intents.Has(Intent.HomepageThin))
        {
            thin.Add(specs[0].Slug);
            stale.Add(specs[1].Slug);
            homeOld.UnionWith(coreHomeNotNews.Select(s => s.Slug));
        }

        if (intents.Has(Intent.ColumnsStaleVeto))
        {
            if (rng.Chance(0.5))
            {
                var pool = rng.Sample(coreNonHome, coreNonHome.Count).Concat(rng.Sample(coreHomeNotNews, coreHomeNotNews.Count)).ToList();
                stale.UnionWith(pool.Take(rng.Next(5, 7)).Select(s => s.Slug));
            }
            else
            {
                var pool = periodic.Where(s => !onHomepage.Contains(s.Slug) && !stale.Contains(s.Slug)).ToList();
                blank.UnionWith(rng.Sample(pool, rng.Next(5, 7)).Select(s => s.Slug));
            }
        }

        if (intents.Has(Intent.StaleColumns))
        {
            var pool = periodic.Where(s => !onHomepage.Contains(s.Slug) && !stale.Contains(s.Slug) && !blank.Contains(s.Slug)).ToList();
            stale.UnionWith(rng.Sample(pool, rng.Next(1, 4)).Select(s => s.Slug));
        }

        if (intents.Has(Intent.BlankColumns))
        {
            var pool = periodic.Where(s => !onHomepage.Contains(s.Slug) && !stale.Contains(s.Slug) && !blank.Contains(s.Slug)).ToList();
            blank.UnionWith(rng.Sample(pool, rng.Next(1, 4)).Select(s => s.Slug));
        }

        var scripted = rng.Chance(0.15);
        var columns = new List<Column>();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var (count, latest, gap) = Shape(spec, ref rng, stale.Contains(spec.Slug), thin.Contains(spec.Slug), homeOld.Contains(spec.Slug));
            if (blank.Contains(spec.Slug))
            {
                count = 0;
            }

            var slow = new Dictionary<int, int>();
            var unanswered = new HashSet<int>();
            var column = new Column
            {
                Index = i,
                Slug = spec.Slug,
                Name = spec.Name,
                Class = spec.Class,
                Titles = spec.Titles,
                Consultation = spec.Consultation,
                Messages = spec.Messages,
                Count = count,
                LatestDays = latest,
                Gap = gap,
                PageSize = pageSize,
                Family = rng.Chance(0.8) ? family : (ListFamily)rng.Next(4),
                Dates = rng.Chance(0.85) ? listDates : rng.Pick(ListDateStyles),
                FilledByScript = scripted && count > 0 && !onHomepage.Contains(spec.Slug) && spec.Class is ColumnClass.News or ColumnClass.Other && rng.Chance(0.5),
                OnHomepage = onHomepage.Contains(spec.Slug),
                SlowReplies = slow,
                Unanswered = unanswered,
            };
            if (spec.Messages && count > 0)
            {
                var wantUnanswered = spec.Consultation ? intents.Has(Intent.Unanswered) : rng.Chance(0.5);
                var wantSlow = spec.Consultation ? intents.Has(Intent.SlowReply) && (i == specs.FindIndex(s => s.Consultation) || rng.Chance(0.5)) : rng.Chance(0.5);
                PlantReplies(seed, site.Index, column, ref rng, wantUnanswered, wantSlow, slow, unanswered);
            }

            columns.Add(column);
        }

        return columns;
    }

    /// <summary>(items, days since the newest, mean days between items) for a column of this class.</summary>
    private static (int Count, int Latest, double Gap) Shape(ColumnSpec spec, ref Rng rng, bool stale, bool thin, bool homeOld)
    {
        if (spec.Titles == TitleSource.AnnualReport)
        {
            return (rng.Next(4, 7), 0, 365);
        }

        return spec.Class switch
        {
            ColumnClass.News when thin => (rng.Next(30, 60), rng.Next(2, 5), rng.Next(11, 14)),
            ColumnClass.News when stale => (rng.Next(40, 120), rng.Next(21, 121), rng.Next(2, 6)),
            ColumnClass.News => (rng.Next(40, 140), rng.Next(0, 3), 0.7 + rng.NextDouble() * 1.1),
            ColumnClass.Notice or ColumnClass.Policy when stale => (rng.Next(10, 40), rng.Next(200, 500), rng.Next(15, 40)),
            ColumnClass.Notice or ColumnClass.Policy when homeOld => (rng.Next(15, 50), rng.Next(15, 100), rng.Next(5, 25)),
            ColumnClass.Notice => (rng.Next(20, 60), rng.Next(0, 30), rng.Next(3, 12)),
            ColumnClass.Policy => (rng.Next(15, 50), rng.Next(0, 60), rng.Next(5, 25)),
            ColumnClass.Personnel or ColumnClass.Plan when stale => (rng.Next(5, 20), rng.Next(400, 800), rng.Next(60, 120)),
            ColumnClass.Personnel => (rng.Next(8, 25), rng.Next(0, 150), rng.Next(20, 60)),
            ColumnClass.Plan => (rng.Next(5, 15), rng.Next(0, 200), rng.Next(60, 120)),
            ColumnClass.Static => (rng.Next(3, 6), rng.Next(300, 900), 100),
            ColumnClass.Other when stale => (rng.Next(5, 20), rng.Next(200, 400), rng.Next(20, 40)),
            ColumnClass.Other => (rng.Next(10, 30), rng.Next(0, 40), rng.Next(20, 40)),
            _ when spec.Messages => (rng.Next(30, 80), rng.Next(0, 4), rng.Next(2, 6)),
            _ => (rng.Next(6, 20), rng.Next(0, 60), rng.Next(15, 40)),
        };
    }

    /// <summary>
    /// Unanswered: submitted 100–300 days ago (more than 3 months, within a year), never answered. Slow: answered
    /// 45–80 days after submission. Every other message is answered in 1–8 days, or is pending and under 9 days old.
    /// </summary>
    private static void PlantReplies(long seed, int siteIndex, Column column, ref Rng rng, bool unanswered, bool slow, Dictionary<int, int> slowSet, HashSet<int> unansweredSet)
    {
        var candidates = Enumerable.Range(0, column.Count)
            .Where(k => column.DayOffset(seed, siteIndex, k) is >= 100 and <= 300)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        if (unanswered)
        {
            unansweredSet.UnionWith(rng.Sample(candidates, rng.Next(1, 3)));
        }

        if (slow)
        {
            foreach (var k in rng.Sample(candidates.Where(k => !unansweredSet.Contains(k)).ToList(), rng.Next(1, 3)))
            {
                slowSet[k] = rng.Next(45, 81);
            }
        }
    }

    private static void PlantArticleDefects(SiteEntry site, List<Column> columns, ref Rng rng, Dictionary<(int, int), ArticleDefects> articles, HttpsMode https)
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
                defects.Attachments.Add(new Attachment($"/uploads/wj/{id}_1.{Extension(ref rng)}", "附件"));
            }
        }
    }

    private static void PlantBrokenLinks(SiteEntry site, List<Column> columns, List<Guide> guides, List<OnlineSystem> systems, ref Rng rng, Dictionary<(int, int), ArticleDefects> articles, List<BrokenTarget> broken)
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

    private static PageRef PlantSeriousError(List<Column> columns, ref Rng rng, Dictionary<(int, int), ArticleDefects> articles)
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
