using System.Globalization;
using GovEval.Core.Registry;
using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Quality;

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
        var columns = ColumnPlanner.Plan(seed, site, today, ref rng, family, listDates, pageSize);

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
        DefectPlanter.PlantArticleDefects(site, columns, ref rng, articles, https);
        DefectPlanter.PlantBrokenLinks(site, columns, guides, systems, ref rng, articles, broken);

        PageRef? serious = null;
        if (intents.Has(Intent.SeriousError))
        {
            serious = DefectPlanter.PlantSeriousError(columns, ref rng, articles);
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

    internal static readonly DateStyle[] ListDateStyles =
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

    internal static string Extension(ref Rng rng) => rng.Pick(["pdf", "doc", "xls"]);

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
}
