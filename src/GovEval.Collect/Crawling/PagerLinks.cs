namespace GovEval.Collect.Crawling;

/// <summary>
/// Tells a list's pager links from the page's other links. A column whose list runs to 167 pages chained by 下一页
/// is one click from the homepage, not 167: the crawler follows a list's pages at the list's own depth
/// (<see cref="LinkRole.ListPage"/>), so the depth cap counts clicks into the site, and what bounds a long list is
/// the page and time budget. A pager link says what it is and stays in the list:
/// <list type="bullet">
/// <item>its text is a pager word (下一页, 下页, 上一页, 首页, 尾页, 末页, next, »…), an arrow, or a page number (3, [3],
/// 第3页), or its rel is next or prev;</item>
/// <item>its target is in the page's own folder (index_3.html beside index_2.html, list.jsp?page=3 beside
/// list.jsp?page=2) on the same host: the navigation's 首页 (the homepage, /) from a column's folder is not;</item>
/// <item>its file name and query bring no date the page's own do not carry: a calendar's › to 2020-12 looks like a
/// pager but leads to an endless space of months, and stays a click deeper (where <see cref="TrapDetector"/>
/// and the depth cap keep it finite).</item>
/// </list>
/// A wrong guess costs little either way: a link taken for a pager is still followed only once and inside the page
/// budget, and a pager link not recognised is followed one click deeper, as before.
/// </summary>
public static class PagerLinks
{
    private static readonly string[] Words =
    [
        "下一页", "下页", "上一页", "上页", "前一页", "后一页", "首页", "尾页", "末页", "第一页", "最后一页", "最末页",
        "下一頁", "上一頁", "首頁", "尾頁", "末頁",
        "next", "nextpage", "prev", "previous", "prevpage", "previouspage", "first", "firstpage", "last", "lastpage",
    ];

    /// <summary>Decorations around a pager word or number: brackets, arrows, angle quotes, dots.</summary>
    private const string Decorations = "[]【】()（）<>＜＞《》«»‹›←→⇐⇒|｜·.。…";

    /// <summary>Whether the link (text or rel) presents itself as a pager link; cheap, so it runs on every page link first.</summary>
    public static bool LooksLikePager(string? text, bool pagerRel) => pagerRel || IsPagerText(text);

    /// <summary>
    /// Whether <paramref name="target"/> (absolute, normalised), linked with that text or rel from the page at
    /// <paramref name="page"/> (absolute, normalised), is another page of the same list.
    /// </summary>
    public static bool IsListPage(string target, string? text, bool pagerRel, string page) =>
        LooksLikePager(text, pagerRel) && SameFolder(target, page) && !BringsDate(Tail(target), Tail(page));

    public static bool IsPagerText(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 12)
        {
            return false;
        }

        var core = text.AsSpan().Trim();
        var undecorated = core.Trim(Decorations).Trim();
        if (undecorated.IsEmpty)
        {
            // Only arrows or angle quotes: ">", ">>", "»", "‹".
            return !core.IsEmpty && core.IndexOfAnyExcept("<>＜＞«»‹›←→⇐⇒") < 0;
        }

        // 第3页 → 3
        if (undecorated.StartsWith('第') && undecorated.EndsWith('页') && undecorated.Length > 2)
        {
            undecorated = undecorated[1..^1].Trim();
        }

        if (undecorated.Length <= 6 && undecorated.IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return true;
        }

        Span<char> compact = stackalloc char[undecorated.Length];
        var length = 0;
        foreach (var c in undecorated)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact[length++] = char.ToLowerInvariant(c);
            }
        }

        var word = compact[..length];
        foreach (var candidate in Words)
        {
            if (word.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Same scheme, host and port, and the same path up to its last slash.</summary>
    private static bool SameFolder(string target, string page)
    {
        var folder = FolderEnd(page);
        return folder > 0 && FolderEnd(target) == folder && target.AsSpan(0, folder).SequenceEqual(page.AsSpan(0, folder));
    }

    /// <summary>The length of the URL up to and including the path's last slash (0 when it has no path).</summary>
    private static int FolderEnd(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return 0;
        }

        var end = url.IndexOfAny(['?', '#'], scheme + 3);
        var path = url.AsSpan(0, end < 0 ? url.Length : end);
        var slash = path.LastIndexOf('/');
        return slash < scheme + 3 ? 0 : slash + 1;
    }

    /// <summary>The file name and query: what differs between pages of one list.</summary>
    private static ReadOnlySpan<char> Tail(string url)
    {
        var folder = FolderEnd(url);
        return folder == 0 ? url : url.AsSpan(folder);
    }

    /// <summary>Whether <paramref name="tail"/> holds a year and month (yyyyMM, yyyy-MM, yyyy_MM) that <paramref name="from"/> does not.</summary>
    private static bool BringsDate(ReadOnlySpan<char> tail, ReadOnlySpan<char> from)
    {
        for (var i = 0; i + 6 <= tail.Length; i++)
        {
            if (i > 0 && char.IsAsciiDigit(tail[i - 1]) || !IsYearMonth(tail[i..], out var length))
            {
                continue;
            }

            if (from.IndexOf(tail.Slice(i, length)) < 0)
            {
                return true;
            }

            i += length - 1;
        }

        return false;
    }

    /// <summary>19xx or 20xx, an optional - _ . separator, then a month 01–12 (or 1–9 after a separator).</summary>
    private static bool IsYearMonth(ReadOnlySpan<char> s, out int length)
    {
        length = 0;
        if (s.Length < 6 || !(s[0] == '1' && s[1] == '9' || s[0] == '2' && s[1] == '0') || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3]))
        {
            return false;
        }

        var at = 4;
        var separated = s[at] is '-' or '_' or '.';
        if (separated)
        {
            at++;
        }

        var digits = 0;
        var month = 0;
        while (at + digits < s.Length && digits < 2 && char.IsAsciiDigit(s[at + digits]))
        {
            month = month * 10 + (s[at + digits] - '0');
            digits++;
        }

        if (digits == 0 || !separated && digits < 2 || month is < 1 or > 12)
        {
            return false;
        }

        length = at + digits;
        return true;
    }
}
