using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Core.Observations;

namespace GovEval.Collect;

/// <summary>
/// Collects everything the checks read about one site: crawl (pages and links), availability samples, search,
/// transport and missing-page probes. One collector serves many sites at once: the fetcher keeps politeness per
/// host, and the link-check cache makes a target linked from many sites a single request.
/// </summary>
public sealed class SiteCollector(Fetcher fetcher, LinkCheckCache? linkChecks = null) : IDisposable
{
    private readonly LinkCheckCache links = linkChecks ?? new LinkCheckCache(fetcher);
    private readonly Dictionary<ConnectToRules, TransportProber> transport = [];

    public Fetcher Fetcher => fetcher;

    public LinkCheckCache LinkChecks => links;

    public async Task<SiteObservation> CollectAsync(string homepageUrl, DateTimeOffset now, CollectOptions options, CancellationToken cancel = default)
    {
        var notMeasured = new List<NotMeasured>();
        var crawl = await new SiteCrawler(fetcher, links, options.Crawl).CrawlAsync(homepageUrl, now, cancel).ConfigureAwait(false);
        notMeasured.AddRange(crawl.NotMeasured);
        var home = crawl.Pages.FirstOrDefault();

        // The probes are independent of each other: run them side by side (politeness still orders the requests).
        // Each ends at the site's budget too; one that did not finish leaves its rules not measured.
        var budget = options.Crawl.Budget;
        using var siteSource = budget is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancel, budget.Token);
        var site = siteSource?.Token ?? cancel;
        var availability = Budgeted(AvailabilityAsync(homepageUrl, options, notMeasured, site), [], budget, cancel, notMeasured, "availability.homepage", "veto.unreachable");
        // The search probe parses the homepage before its first request: on the thread pool, so a page that takes
        // long to parse does not hold back the probes started after it.
        var search = options.Search
            ? Budgeted(Task.Run(() => SearchAsync(homepageUrl, home, now, notMeasured, site), site), null, budget, cancel, notMeasured, "search.missing", "search.not-found")
            : Task.FromResult<SearchProbe?>(null);
        var transportProbe = options.Transport
            ? Budgeted(TransportAsync(homepageUrl, options, notMeasured, site), null, budget, cancel, notMeasured, "security.https", "network.ipv6")
            : Task.FromResult<TransportProbe?>(null);
        var missing = options.MissingPage
            ? Budgeted(MissingAsync(home?.Outcome.FinalUrl ?? homepageUrl, notMeasured, site), null, budget, cancel, notMeasured, "http.soft-404")
            : Task.FromResult<FetchOutcome?>(null);
        await Task.WhenAll(availability, search, transportProbe, missing).ConfigureAwait(false);

        return new SiteObservation(homepageUrl, now, crawl.Pages, crawl.Links, availability.Result, search.Result, transportProbe.Result, missing.Result, notMeasured);
    }

    /// <summary>The probe's result, or <paramref name="unmeasured"/> and its rules not measured when the site's budget ended it.</summary>
    private static async Task<T> Budgeted<T>(Task<T> probe, T unmeasured, SiteBudget? budget, CancellationToken cancel, List<NotMeasured> notMeasured, params string[] rules)
    {
        try
        {
            return await probe.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget is not null && budget.Stopped(cancel))
        {
            foreach (var rule in rules)
            {
                Add(notMeasured, new NotMeasured(rule, $"{budget.Reason}：探测未完成"));
            }

            return unmeasured;
        }
    }

    public void Dispose()
    {
        lock (transport)
        {
            foreach (var prober in transport.Values)
            {
                prober.Dispose();
            }

            transport.Clear();
        }
    }

    private async Task<IReadOnlyList<AvailabilitySample>> AvailabilityAsync(string homepage, CollectOptions options, List<NotMeasured> notMeasured, CancellationToken cancel)
    {
        if (!options.Availability)
        {
            return [];
        }

        if (options.SampleLog?.Read(homepage) is { Count: > 0 } logged)
        {
            return logged;
        }

        var samples = await new HomepageSampler(fetcher, options.ShortSample).SampleAsync(homepage, cancel).ConfigureAwait(false);
        if (samples.All(s => s.Outcome.IsUnknown))
        {
            Add(notMeasured, new NotMeasured("availability.homepage", "every homepage visit failed in the scanner"));
        }

        return samples;
    }

    private async Task<SearchProbe?> SearchAsync(string homepage, PageObservation? home, DateTimeOffset now, List<NotMeasured> notMeasured, CancellationToken cancel)
    {
        var probe = await new SearchProber(fetcher).ProbeAsync(homepage, home?.Html, home?.Outcome.FinalUrl, now, cancel).ConfigureAwait(false);
        if (probe.Outcome is { IsUnknown: true } outcome)
        {
            Add(notMeasured, new NotMeasured("search.not-found", $"the search results could not be fetched by the scanner: {outcome.Status} {outcome.Error}"));
        }

        return probe;
    }

    private async Task<TransportProbe?> TransportAsync(string homepage, CollectOptions options, List<NotMeasured> notMeasured, CancellationToken cancel)
    {
        TransportProber prober;
        lock (transport)
        {
            var key = options.Ipv6Routes ?? ConnectToRules.Empty;
            if (!transport.TryGetValue(key, out prober!))
            {
                transport[key] = prober = new TransportProber(fetcher, options.Ipv6Routes);
            }
        }

        var (probe, missing) = await prober.ProbeAsync(homepage, cancel).ConfigureAwait(false);
        foreach (var item in missing)
        {
            Add(notMeasured, item);
        }

        return probe;
    }

    private async Task<FetchOutcome?> MissingAsync(string homepage, List<NotMeasured> notMeasured, CancellationToken cancel)
    {
        var outcome = await new MissingPageProber(fetcher).ProbeAsync(homepage, cancel).ConfigureAwait(false);
        if (outcome.IsUnknown)
        {
            Add(notMeasured, new NotMeasured("http.soft-404", $"the missing-page probe failed in the scanner: {outcome.Error}"));
        }

        return outcome;
    }

    private static void Add(List<NotMeasured> list, NotMeasured item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }
}
