using System.Globalization;
using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Sites;

/// <summary>
/// Everything one site is, regenerated from (seed, today, site entry) by <see cref="SiteModelBuilder"/>: its
/// template, columns, services, planted defects and faults. Pages are rendered from it on request and the ground
/// truth is derived from it, so what is served and what the truth says cannot drift apart.
/// </summary>
public sealed class SiteModel
{
    public required SiteEntry Entry { get; init; }
    public required long Seed { get; init; }
    public required DateOnly Today { get; init; }

    public string Host => Entry.Host;
    public string Name => Entry.Name;

    public required HttpsMode Https { get; init; }
    public required Ipv6Mode Ipv6 { get; init; }
    public required SecurityHeaders Headers { get; init; }
    public required MissingPageBehaviour MissingPages { get; init; }
    public required SearchMode Search { get; init; }
    public required SiteIdProblem SiteIdProblem { get; init; }
    public required string SiteIdCode { get; init; }
    public required FooterGap FooterGap { get; init; }
    public required string Icp { get; init; }
    public required string PublicSecurityFiling { get; init; }
    public required string Region { get; init; }
    public required string DivisionCode { get; init; }

    public required ListFamily Family { get; init; }
    public required DateStyle HomeDates { get; init; }
    public required GuideLayout GuideLayout { get; init; }
    public required PageEncoding Encoding { get; init; }
    public required CharsetDeclaration Declaration { get; init; }

    public required IReadOnlyList<Column> Columns { get; init; }
    public required bool HasServices { get; init; }
    public required IReadOnlyList<Guide> Guides { get; init; }
    public required IReadOnlyList<OnlineSystem> Systems { get; init; }
    public required IReadOnlyList<BrokenTarget> Broken { get; init; }
    public required IReadOnlyDictionary<(int Column, int Ordinal), ArticleDefects> Articles { get; init; }

    /// <summary>The page that carries the serious error behind veto.serious-error, if any.</summary>
    public PageRef? SeriousErrorPage { get; init; }

    public required int FailurePercent { get; init; }
    public required int SlotMultiplier { get; init; }
    public required int SlotOffset { get; init; }

    /// <summary>Other sites of the population this one links to (友情链接, the parent government).</summary>
    public required IReadOnlyList<string> RelatedHosts { get; init; }

    public FaultKind Faults => Entry.Faults;

    /// <summary>https when HTTP redirects there, else http: the scheme a crawler ends up on.</summary>
    public string Scheme => Https == HttpsMode.Good ? "https" : "http";

    public string Url(string path) => $"{Scheme}://{Host}{path}";

    /// <summary>The homepage URL as the ground truth names it for site-level rules (RULES.md §5).</summary>
    public string SiteUrl => $"http://{Host}/";

    public Column? ColumnBySlug(string slug) => Columns.FirstOrDefault(c => c.Slug == slug);

    public IEnumerable<Column> HomepageColumns => Columns.Where(c => c.OnHomepage);

    /// <summary>Items the homepage shows per block.</summary>
    public const int HomepageBlockSize = 7;

    public Item Item(Column column, int k)
    {
        // Nothing is dated today: "now" may be midnight, and an item later than now would look forged.
        var offset = Math.Max(1, column.Titles == TitleSource.AnnualReport ? AnnualReportOffset(k) : column.DayOffset(Seed, Entry.Index, k));
        var rng = Rng.For(Seed, "item", Entry.Index, column.Index, k);
        var published = Today.AddDays(-offset).ToDateTime(new TimeOnly(rng.Next(8, 19), rng.Next(60)));
        var id = column.ItemId(k);
        var title = Title(column, k, published.Year, ref rng);
        var path = $"/{column.Slug}/{published:yyyyMM}/t{published:yyyyMMdd}_{id.ToString(CultureInfo.InvariantCulture)}.html";
        return new Item(column, k, id, published, title, path);
    }

    public IEnumerable<Item> Items(Column column, int from, int count)
    {
        for (var k = from; k < Math.Min(column.Count, from + count); k++)
        {
            yield return Item(column, k);
        }
    }

    public Message MessageAt(Column column, int k)
    {
        var item = Item(column, k);
        var age = Today.DayNumber - item.Date.DayNumber;
        if (column.Unanswered.Contains(k))
        {
            return new Message(item, item.Date, null);
        }

        var delay = column.SlowReplies.TryGetValue(k, out var slow)
            ? slow
            : Rng.For(Seed, "reply", Entry.Index, column.Index, k).Next(1, 9);
        return new Message(item, item.Date, age > delay ? item.Date.AddDays(delay) : null);
    }

    public Guide? GuideByNumber(int number) => Guides.FirstOrDefault(g => g.Number == number);

    public ArticleDefects? DefectsOf(Column column, int k) => Articles.GetValueOrDefault((column.Index, k));

    /// <summary>Whether the homepage is served too slowly (over 15 s) in this time slot of the monitoring clock.</summary>
    public bool HomepageFailsIn(long slot)
    {
        var position = (int)(((slot % 100) + 100) % 100);
        return (position * SlotMultiplier + SlotOffset) % 100 < FailurePercent;
    }

    private int AnnualReportOffset(int k)
    {
        // Reports of year Y appear on 20 January of Y+1.
        var latest = new DateOnly(Today.Year, 1, 20);
        if (latest > Today)
        {
            latest = latest.AddYears(-1);
        }

        return Today.DayNumber - latest.AddYears(-k).DayNumber;
    }

    private string Title(Column column, int k, int year, ref Rng rng) => column.Titles switch
    {
        TitleSource.Static => StaticTitles[k % StaticTitles.Length],
        TitleSource.AnnualReport => $"{Name}{year - 1}年政府信息公开工作年度报告",
        _ => PhraseBank.Title(ref rng, column.Titles switch
        {
            TitleSource.News => TitleKind.News,
            TitleSource.Notice => TitleKind.Notice,
            TitleSource.Policy => TitleKind.Policy,
            TitleSource.Interpretation => TitleKind.Interpretation,
            TitleSource.Personnel => TitleKind.Personnel,
            TitleSource.Plan => TitleKind.Plan,
            TitleSource.Interview => TitleKind.Interview,
            TitleSource.Message => TitleKind.Message,
            _ => TitleKind.Other,
        }, Name, year),
    };

    private static readonly string[] StaticTitles = ["机构职能", "领导信息", "内设机构", "联系方式", "工作规则"];
}
