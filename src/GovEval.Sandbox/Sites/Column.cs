using GovEval.Sandbox.Determinism;

namespace GovEval.Sandbox.Sites;

/// <summary>
/// A column (栏目) of a site. Items are not stored: item k (0 = newest) is dated
/// today − (LatestDays + ⌊(k + u_k)·Gap⌋) with u_k a seeded fraction, so dates never increase with k and any
/// item can be regenerated from (seed, site, column, k).
/// </summary>
public sealed class Column
{
    public required int Index { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required ColumnClass Class { get; init; }
    public required TitleSource Titles { get; init; }

    /// <summary>A 政务咨询-type column: messages count for interaction rules (信访, 举报, 访谈, 征集 don't).</summary>
    public bool Consultation { get; init; }

    /// <summary>Lists messages with submit and reply dates instead of articles.</summary>
    public bool Messages { get; init; }

    public required int Count { get; init; }
    public required int LatestDays { get; init; }
    public required double Gap { get; init; }
    public required int PageSize { get; init; }
    public required ListFamily Family { get; init; }
    public required DateStyle Dates { get; init; }
    public bool FilledByScript { get; init; }
    public bool OnHomepage { get; init; }

    /// <summary>Messages answered late (ordinal → days to reply) and never answered.</summary>
    public IReadOnlyDictionary<int, int> SlowReplies { get; init; } = new Dictionary<int, int>();
    public IReadOnlySet<int> Unanswered { get; init; } = new HashSet<int>();

    public int IdBase => (Index + 1) * 100_000;

    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);

    public string FirstPagePath => $"/{Slug}/index.html";

    public string PagePath(int page) => page == 0 ? FirstPagePath : $"/{Slug}/index_{page}.html";

    public int DayOffset(long seed, int siteIndex, int k)
    {
        var u = Rng.For(seed, "item-day", siteIndex, Index, k).NextDouble();
        return LatestDays + (int)Math.Floor((k + u) * Gap);
    }

    public int ItemId(int k) => IdBase + Count - k;

    /// <summary>The ordinal of an item id, or -1 when the id is not one of this column's items.</summary>
    public int Ordinal(int id)
    {
        var k = Count - (id - IdBase);
        return k >= 0 && k < Count ? k : -1;
    }
}

/// <summary>What kind of titles a column's items carry.</summary>
public enum TitleSource
{
    News,
    Notice,
    Policy,
    Interpretation,
    Personnel,
    Plan,
    Static,
    Other,
    Interview,
    Message,
    AnnualReport,
}
