using System.Text.RegularExpressions;
using GovEval.Core.Frameworks;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Truth;

/// <summary>
/// Derives the ground truth from the site models by the rules' own definitions (RULES.md), reading the same
/// dates, items and links the pages show, with the numbers of a framework's checks block (the national check's
/// unless the caller gives another, so a variant's truth is what its checks should find). Thresholds the rules
/// leave to a framework are documented in docs/sandbox.md; the generator keeps every site far from the national ones.
/// </summary>
public static partial class TruthBuilder
{
    /// <summary>freshness.homepage under the national check: fewer new homepage items than this (defective sites show at most 2, healthy ones at least 8).</summary>
    public static int HomepageItemsThreshold => NationalRules.Checks.HomepageMinNewItems;

    /// <summary>interaction.slow-reply under the national check: a reply later than this many days (slow replies take 45–80 days, normal ones at most 8).</summary>
    public static int SlowReplyDays => NationalRules.Checks.SlowReplyDays;

    public static SandboxTruth Build(SandboxServer server) => Build(server, NationalRules.Checks);

    /// <summary>The truth judged with these rule numbers (a framework's checks block).</summary>
    public static SandboxTruth Build(SandboxServer server, CheckParameters rules) => new(
        server.Population.Seed,
        DateFormats.Iso(server.Today),
        server.Population.Sites.Select(entry => Site(server.Site(entry), rules)).ToList());

    public static SiteTruth Site(SiteModel site) => Site(site, NationalRules.Checks);

    public static SiteTruth Site(SiteModel site, CheckParameters rules)
    {
        var defects = new List<DefectTruth>();
        var home = site.SiteUrl;
        var homepage = site.Url("/");
        void SiteLevel(string rule, string? page = null) => defects.Add(new DefectTruth(rule, home, page ?? home));

        if (site.FailurePercent >= rules.UnreachableSharePercent)
        {
            SiteLevel(RuleIds.VetoUnreachable);
        }

        if (site.FailurePercent > 0)
        {
            SiteLevel(RuleIds.AvailabilityHomepage);
        }

        var fresh = HomepageNewItems(site, rules);
        if (fresh == 0)
        {
            SiteLevel(RuleIds.VetoHomepageStale);
        }

        if (fresh < rules.HomepageMinNewItems)
        {
            SiteLevel(RuleIds.FreshnessHomepage);
        }

        Columns(site, defects, homepage, rules, SiteLevel);
        Interaction(site, defects, homepage, rules, SiteLevel);

        if (!site.HasServices)
        {
            SiteLevel(RuleIds.VetoServices);
        }
        else
        {
            var incomplete = site.Guides.Where(g => g.Missing.Count > 0).ToList();
            if (incomplete.Count > 0)
            {
                SiteLevel(RuleIds.VetoServices, site.Url(incomplete[0].Path));
            }

            defects.AddRange(incomplete.Select(g => new DefectTruth(RuleIds.ServicesGuideElements, site.Url(g.Path), site.Url(g.Path))));
        }

        if (site.SeriousErrorPage is { } serious)
        {
            SiteLevel(RuleIds.VetoSeriousError, PageUrl(site, serious));
        }

        foreach (var broken in site.Broken)
        {
            defects.Add(new DefectTruth(broken.Rule, broken.External ? broken.Target : site.Url(broken.Target), PageUrl(site, broken.LinkedFrom)));
        }

        if (site.Search == SearchMode.Missing)
        {
            SiteLevel(RuleIds.SearchMissing);
        }
        else if (site.Search == SearchMode.Stale)
        {
            SiteLevel(RuleIds.SearchNotFound);
        }

        if (site.SiteIdProblem != SiteIdProblem.None)
        {
            SiteLevel(RuleIds.IdentitySiteIdCode);
        }

        if (site.FooterGap != FooterGap.None)
        {
            SiteLevel(RuleIds.IdentityFooter);
        }

        if (!NationalPattern(site.Host))
        {
            SiteLevel(RuleIds.IdentityDomain);
        }

        if (site.Https != HttpsMode.Good)
        {
            SiteLevel(RuleIds.SecurityHttps);
        }

        if (site.Headers != SecurityHeaders.All)
        {
            SiteLevel(RuleIds.SecurityHeaders);
        }

        if (site.Ipv6 != Ipv6Mode.Answers)
        {
            SiteLevel(RuleIds.NetworkIpv6);
        }

        if (site.MissingPages != MissingPageBehaviour.NotFound)
        {
            SiteLevel(RuleIds.HttpSoft404);
        }

        foreach (var ((column, ordinal), planted) in site.Articles.OrderBy(a => a.Key))
        {
            var page = site.Url(site.Item(site.Columns[column], ordinal).Path);
            if (planted.Tags != TagProblem.None)
            {
                defects.Add(new DefectTruth(RuleIds.MetaPageTags, page, page));
            }

            if (planted.MixedContent)
            {
                defects.Add(new DefectTruth(RuleIds.SecurityMixedContent, page, page));
            }

            if (planted.Typo is not null)
            {
                defects.Add(new DefectTruth(RuleIds.ContentTypo, page, page));
            }

            if (planted.Sensitive is not null)
            {
                defects.Add(new DefectTruth(RuleIds.ContentSensitive, page, page));
            }

            if (planted.LeakedPii)
            {
                defects.Add(new DefectTruth(RuleIds.PrivacyPii, page, page));
            }
        }

        return new SiteTruth(site.Host, site.Entry.Unit.Code, site.Name, site.Entry.Category.Id(), defects, Faults(site));
    }

    /// <summary>Distinct dated homepage items published within the national window (undated items count as not updated).</summary>
    public static int HomepageNewItems(SiteModel site) => HomepageNewItems(site, NationalRules.Checks);

    /// <summary>Distinct dated homepage items published within the framework's homepage-window-days.</summary>
    public static int HomepageNewItems(SiteModel site, CheckParameters rules)
    {
        var since = site.Today.AddDays(-rules.HomepageWindowDays);
        return site.HomepageColumns
            .SelectMany(c => site.Items(c, 0, SiteModel.HomepageBlockSize))
            .Count(i => i.Date >= since);
    }

    private static void Columns(SiteModel site, List<DefectTruth> defects, string homepage, CheckParameters rules, Action<string, string?> siteLevel)
    {
        int staleCore = 0, stale = 0, blank = 0;
        foreach (var column in site.Columns)
        {
            if (column.Class.FreshSince(site.Today, rules) is not { } since)
            {
                continue;
            }

            var url = site.Url(column.FirstPagePath);
            if (column.Count == 0)
            {
                blank++;
                defects.Add(new DefectTruth(RuleIds.ColumnsBlank, url, homepage));
            }
            else if (site.Item(column, 0).Date < since)
            {
                stale++;
                staleCore += column.Class is ColumnClass.News or ColumnClass.Notice or ColumnClass.Policy ? 1 : 0;
                defects.Add(new DefectTruth(RuleIds.FreshnessColumn, url, homepage));
            }
        }

        if (staleCore >= rules.VetoStaleCoreColumns || stale >= rules.VetoStaleColumns || blank >= rules.VetoBlankColumns)
        {
            siteLevel(RuleIds.VetoColumnsStale, null);
        }
    }

    private static void Interaction(SiteModel site, List<DefectTruth> defects, string homepage, CheckParameters rules, Action<string, string?> siteLevel)
    {
        var consultations = site.Columns.Where(c => c.Consultation).ToList();
        if (consultations.Count == 0)
        {
            siteLevel(RuleIds.InteractionChannel, null);
            siteLevel(RuleIds.VetoInteraction, null);
            return;
        }

        var within = site.Today.AddMonths(-rules.UnansweredWithinMonths);
        var overdue = site.Today.AddMonths(-rules.UnansweredAfterMonths);
        var vetoed = false;
        foreach (var column in consultations)
        {
            var url = site.Url(column.FirstPagePath);
            bool unanswered = false, slow = false;
            for (var k = 0; k < column.Count; k++)
            {
                var message = site.MessageAt(column, k);
                if (message.Replied is null && message.Submitted >= within && message.Submitted < overdue)
                {
                    unanswered = true;
                }

                if (message.Replied is { } replied && replied.DayNumber - message.Submitted.DayNumber > rules.SlowReplyDays)
                {
                    slow = true;
                }
            }

            if (unanswered)
            {
                defects.Add(new DefectTruth(RuleIds.InteractionUnanswered, url, homepage));
                if (!vetoed)
                {
                    siteLevel(RuleIds.VetoInteraction, url);
                    vetoed = true;
                }
            }

            if (slow)
            {
                defects.Add(new DefectTruth(RuleIds.InteractionSlowReply, url, homepage));
            }
        }
    }

    private static List<FaultTruth> Faults(SiteModel site)
    {
        var faults = new List<FaultTruth>();
        var lead = site.Columns[0];
        foreach (var kind in FaultKinds.All.Where(k => site.Faults.HasFlag(k)))
        {
            string? path = kind switch
            {
                FaultKind.SlowResponse => site.Columns.FirstOrDefault(c => c.Class == ColumnClass.Other)?.FirstPagePath,
                FaultKind.SlowDrip => site.Columns.FirstOrDefault(c => c.Class == ColumnClass.Static && c.Count > 0) is { } s ? site.Item(s, 0).Path : null,
                FaultKind.Burst5xx => lead.Pages > 1 ? lead.PagePath(1) : null,
                FaultKind.TransientReset or FaultKind.MalformedHtml => lead.Count > 0 ? site.Item(lead, 0).Path : null,
                FaultKind.RedirectChain => FaultPaths.ChainStart,
                FaultKind.CalendarTrap => FaultPaths.Calendar(site.Today.Year, site.Today.Month),
                FaultKind.QueryTrap => lead.FirstPagePath,
                FaultKind.LargePage => FaultPaths.LargePage,
                FaultKind.GzipBomb => FaultPaths.GzipBomb,
                FaultKind.RateLimit => "/",
                FaultKind.RetryAfter503 => site.Columns.FirstOrDefault(c => c.Class == ColumnClass.Policy)?.FirstPagePath,
                FaultKind.RobotsDisallowed => lead.Count > 0 ? FaultPaths.PrintPrefix + site.Item(lead, 0).Path : null,
                _ => null,
            };
            if (path is not null)
            {
                faults.Add(new FaultTruth(kind.Id(), site.Url(path)));
            }
        }

        return faults;
    }

    private static string PageUrl(SiteModel site, PageRef page) => page.Kind switch
    {
        PageKind.Home => site.Url("/"),
        PageKind.Services => site.Url("/bsfw/index.html"),
        PageKind.Guide => site.Url(site.GuideByNumber(page.Column)!.Path),
        _ => site.Url(site.Item(site.Columns[page.Column], page.Ordinal).Path),
    };

    /// <summary>www.&lt;x&gt;.gov.cn or &lt;y&gt;.&lt;x&gt;.gov.cn with single labels.</summary>
    public static bool NationalPattern(string host) => DomainPattern().IsMatch(host);

    [GeneratedRegex("^[a-z0-9-]+\\.[a-z0-9-]+\\.gov\\.cn$")]
    private static partial Regex DomainPattern();
}
