using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Checks;

/// <summary>
/// Options of a check run: the numbers of the rules, taken from the framework the run uses (<see cref="From(Framework)"/>),
/// the dictionaries, and the tool's own resource limits.
/// </summary>
public sealed record CheckOptions
{
    /// <summary>
    /// The options a framework's <c>checks:</c> block states, with the tool's defaults for everything else: what
    /// <c>check</c>, <c>collect</c>, <c>monitor</c> and <c>recheck</c> judge a website with. A framework without the block
    /// scores no website findings and is refused here, naming its file.
    /// </summary>
    public static CheckOptions From(Framework framework) =>
        From(framework.Checks ?? throw new InputException(framework.Source,
            $"framework '{framework.Id}' has no 'checks' block, so it cannot judge a website: it scores no website checks " +
            "(give a framework that does, e.g. gov-website-check-2019, or add a checks block: docs/frameworks.md)"));

    /// <summary>The options for these rule numbers (the tool's defaults for its own limits and dictionaries).</summary>
    public static CheckOptions From(CheckParameters parameters) => new()
    {
        HomepageTimeout = parameters.HomepageTimeout,
        UnreachableSharePercent = parameters.UnreachableSharePercent,
        HomepageWindowDays = parameters.HomepageWindowDays,
        HomepageMinNewItems = parameters.HomepageMinNewItems,
        NewsPeriodDays = parameters.NewsPeriodDays,
        NoticePolicyPeriodMonths = parameters.NoticePolicyPeriodMonths,
        PersonnelPlanPeriodMonths = parameters.PersonnelPlanPeriodMonths,
        VetoStaleCoreColumns = parameters.VetoStaleCoreColumns,
        VetoStaleColumns = parameters.VetoStaleColumns,
        VetoBlankColumns = parameters.VetoBlankColumns,
        UnansweredAfterMonths = parameters.UnansweredAfterMonths,
        UnansweredWithinMonths = parameters.UnansweredWithinMonths,
        SlowReplyDays = parameters.SlowReplyDays,
        DownloadExtensions = parameters.DownloadExtensions.ToHashSet(StringComparer.OrdinalIgnoreCase),
    };

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
    // No defaults: these are numbers of the rules, and they come from the framework the run uses (From).

    /// <summary>A homepage visit fails when the page is still not open after this long (the 15 s rule).</summary>
    public required TimeSpan HomepageTimeout { get; init; }

    /// <summary>veto.unreachable: failed visits at or above this percentage of visits.</summary>
    public required decimal UnreachableSharePercent { get; init; }

    /// <summary>The homepage monitoring window (2 weeks) in days.</summary>
    public required int HomepageWindowDays { get; init; }

    /// <summary>freshness.homepage: fewer dated homepage items inside the window than this.</summary>
    public required int HomepageMinNewItems { get; init; }

    /// <summary>Update period of 动态/要闻 columns, in days (2 weeks).</summary>
    public required int NewsPeriodDays { get; init; }

    /// <summary>Update period of 通知公告 and 政策文件 columns, in months.</summary>
    public required int NoticePolicyPeriodMonths { get; init; }

    /// <summary>Update period of 人事 and 规划计划 columns, in months (1 year).</summary>
    public required int PersonnelPlanPeriodMonths { get; init; }

    /// <summary>veto.columns-stale: this many stale 动态/要闻/通知公告/政策文件 columns.</summary>
    public required int VetoStaleCoreColumns { get; init; }

    /// <summary>veto.columns-stale: this many stale columns of any dated class.</summary>
    public required int VetoStaleColumns { get; init; }

    /// <summary>veto.columns-stale: this many blank columns.</summary>
    public required int VetoBlankColumns { get; init; }

    /// <summary>interaction.unanswered: a message left without a reply for more than this many months…</summary>
    public required int UnansweredAfterMonths { get; init; }

    /// <summary>…submitted within this many months (the rule looks back 1 year).</summary>
    public required int UnansweredWithinMonths { get; init; }

    /// <summary>interaction.slow-reply: a reply more than this many days after submission.</summary>
    public required int SlowReplyDays { get; init; }

    /// <summary>Targets that are files to download (downloads.broken), by extension without the dot.</summary>
    public required IReadOnlySet<string> DownloadExtensions { get; init; }

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
