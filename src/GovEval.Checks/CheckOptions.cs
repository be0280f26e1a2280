namespace GovEval.Checks;

/// <summary>Options of a check run (dictionaries, thresholds that are readings of the rules, not points).</summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    // ── Resource limits of the tool (not readings of the rules) ──

    /// <summary>
    /// The longest one page's HTML may take to parse (<c>--page-parse-timeout</c>). A page past it is not read: the
    /// rules that needed it are not measured, never a fault of the site. The HTML parser takes the square of the
    /// nesting depth, so a hostile page of a few hundred kilobytes could otherwise hold the checks for minutes.
    /// </summary>
    public TimeSpan PageParseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Times <see cref="PageParseTimeout"/> (tests move it by hand).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    // ── Availability, Links, Columns, Freshness, Interaction, Services, Search (readings of RULES.md §1) ──

    /// <summary>A homepage visit fails when the page is still not open after this long (the 15 s rule).</summary>
    public TimeSpan HomepageTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>veto.unreachable: failed visits at or above this percentage of visits.</summary>
    public decimal UnreachableSharePercent { get; init; } = 5m;

    /// <summary>The homepage monitoring window (2 weeks) in days.</summary>
    public int HomepageWindowDays { get; init; } = 14;

    /// <summary>freshness.homepage: fewer dated homepage items inside the window than this.</summary>
    public int HomepageMinNewItems { get; init; } = 3;

    /// <summary>Update period of 动态/要闻 columns, in days (2 weeks).</summary>
    public int NewsPeriodDays { get; init; } = 14;

    /// <summary>Update period of 通知公告 and 政策文件 columns, in months.</summary>
    public int NoticePolicyPeriodMonths { get; init; } = 6;

    /// <summary>Update period of 人事 and 规划计划 columns, in months (1 year).</summary>
    public int PersonnelPlanPeriodMonths { get; init; } = 12;

    /// <summary>veto.columns-stale: this many stale 动态/要闻/通知公告/政策文件 columns.</summary>
    public int VetoStaleCoreColumns { get; init; } = 5;

    /// <summary>veto.columns-stale: this many stale columns of any dated class.</summary>
    public int VetoStaleColumns { get; init; } = 10;

    /// <summary>veto.columns-stale: this many blank columns.</summary>
    public int VetoBlankColumns { get; init; } = 5;

    /// <summary>interaction.unanswered: a message left without a reply for more than this many months…</summary>
    public int UnansweredAfterMonths { get; init; } = 3;

    /// <summary>…submitted within this many months (the rule looks back 1 year).</summary>
    public int UnansweredWithinMonths { get; init; } = 12;

    /// <summary>interaction.slow-reply: a reply more than this many days after submission.</summary>
    public int SlowReplyDays { get; init; } = 30;

    /// <summary>Targets that are files to download (downloads.broken), by extension without the dot.</summary>
    public IReadOnlySet<string> DownloadExtensions { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "zip", "rar", "7z", "txt", "ofd", "csv",
    };

    // Content, Privacy (docs/checks.md "Content"): null paths use the lists embedded from data/dictionaries.

    /// <summary>Wrong forms of official terms and leader titles (wrong, right, serious yes/no), replacing the embedded list.</summary>
    public string? OfficialTermsPath { get; init; }

    /// <summary>Commonly misused words (wrong, right[, frequency]), replacing the embedded pycorrector list.</summary>
    public string? MisusedWordsPath { get; init; }

    /// <summary>Sensitive terms (word, category, serious yes/no), replacing the embedded list.</summary>
    public string? SensitiveWordsPath { get; init; }

    /// <summary>Further sensitive-word files in the same format, added to the main list (a province's own list).</summary>
    public IReadOnlyList<string> ExtraSensitiveWordPaths { get; init; } = [];

    /// <summary>Further sensitive terms given inline (not serious), added to the lists.</summary>
    public IReadOnlyList<string> ExtraSensitiveWords { get; init; } = [];

    /// <summary>Character readings for same-pinyin matching (char, readings), replacing the embedded table.</summary>
    public string? PinyinPath { get; init; }

    /// <summary>Also report official terms written with one same-sounding wrong character that no list names.</summary>
    public bool SamePinyinMatching { get; init; } = true;

    /// <summary>Bank card issuer ranges (scheme, from, to, lengths, alone), replacing the embedded card-issuers.tsv.</summary>
    public string? CardIssuersPath { get; init; }

    /// <summary>Words around a number that say what it is (word, kind), replacing the embedded card-context.tsv.</summary>
    public string? CardContextPath { get; init; }

    /// <summary>
    /// Misused-word entries shorter than this are skipped: without word segmentation a two-character entry
    /// matches inside correct text (标识 in 网站标识码).
    /// </summary>
    public int MinimumMisusedWordLength { get; init; } = 3;
}
