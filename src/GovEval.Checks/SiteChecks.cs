using GovEval.Core.Observations;

namespace GovEval.Checks;

/// <summary>Runs every rule family over one site's observations and merges their results.</summary>
public static class SiteChecks
{
    /// <summary>The families in report order. Add a family here and in docs/checks.md.</summary>
    public static IReadOnlyList<ICheckFamily> Families { get; } =
    [
        new Availability.HomepageAvailability(),
        new Links.BrokenLinks(),
        new Freshness.UpdateChecks(),
        new Interaction.ConsultationChecks(),
        new Services.GuideElements(),
        new Search.SiteSearch(),
        new Identity.IdentityChecks(),
        new Meta.PageTagChecks(),
        new Security.SecurityChecks(),
        new Network.Ipv6Checks(),
        new Http.Soft404Checks(),
        new Content.ContentChecks(),
        new Privacy.PrivacyChecks(),
    ];

    /// <summary>Every family with these options (<see cref="CheckOptions.From(GovEval.Core.Frameworks.Framework)"/>: the numbers of the rules are the framework's).</summary>
    public static CheckResult Run(SiteObservation observation, CheckOptions options)
    {
        using var context = new CheckContext(options);
        return Run(observation, context);
    }

    /// <summary>
    /// Runs the families in <paramref name="context"/>, whose token the command cancels (the cancellation propagates)
    /// and whose site budget may run out: then the families not finished report their rules not measured with the
    /// budget's reason, and what the others found stands. Pages the context could not read leave the rules that
    /// read them not measured.
    /// </summary>
    public static CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var findings = new List<Finding>();
        var measurements = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var notMeasured = new List<NotMeasured>();
        foreach (var family in Families)
        {
            CheckResult result;
            try
            {
                context.Cancel.ThrowIfCancellationRequested();
                result = family.Run(observation, context);
            }
            catch (OperationCanceledException) when (context.OverBudget)
            {
                notMeasured.AddRange(family.Rules.Select(rule => new NotMeasured(rule, $"{context.Budget!.Reason}：检查未完成")));
                continue;
            }

            findings.AddRange(result.Findings);
            foreach (var (name, value) in result.Measurements)
            {
                measurements[name] = value;
            }

            notMeasured.AddRange(result.NotMeasured);
        }

        // A page that could not be read is the reason its rules are not measured: it replaces what the families
        // say of a page they found without a document ("首页未能获取").
        var unread = UnreadPages(observation, context).ToList();
        var named = unread.Select(n => n.Rule).ToHashSet(StringComparer.Ordinal);
        var all = new List<NotMeasured>(observation.NotMeasured);
        all.AddRange(unread);
        all.AddRange(notMeasured.Where(n => !named.Contains(n.Rule)));
        UnreadHomepage.AddNotMeasured(observation, Families, findings, all);
        return new CheckResult(FindingEvidence.Attach(findings, observation), measurements, all);
    }

    /// <summary>
    /// The rules a page the checks could not read leaves not measured: for the homepage every rule read from it,
    /// for another page the rules judged page by page. Named once per rule, with the first such page's reason.
    /// </summary>
    private static IEnumerable<NotMeasured> UnreadPages(SiteObservation observation, CheckContext context)
    {
        if (context.Unread.Count == 0)
        {
            yield break;
        }

        var home = Columns.SitePages.Homepage(observation)?.Url;
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (url, reason) in context.Unread)
        {
            foreach (var rule in url == home ? HomepageRules.Concat(PageRules) : PageRules)
            {
                if (named.Add(rule))
                {
                    yield return new NotMeasured(rule, reason);
                }
            }
        }
    }

    /// <summary>Rules judged on each page's own HTML (RULES.md §5: their url is the page).</summary>
    private static IEnumerable<string> PageRules =>
        Core.Rules.RuleCatalogue.All.Where(r => r.Url == Core.Rules.UrlMeaning.Page).Select(r => r.Id).Append(Content.ContentChecks.SeriousError);

    /// <summary>Rules read from the homepage's HTML: its identity, its items, its channels, its links.</summary>
    private static readonly string[] HomepageRules =
    [
        "identity.site-id-code", "identity.footer", "freshness.homepage", "veto.homepage-stale", "interaction.channel", "veto.interaction",
        "veto.services", "search.missing", "freshness.column", "columns.blank", "veto.columns-stale",
    ];
}
