using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Crawls one site breadth-first from its homepage (and sitemap): in-scope HTML pages are fetched and their links
/// read; every other target is checked once through the shared <see cref="LinkCheckCache"/>. Levels are fetched
/// in parallel but processed in discovery order, so the result is the same however the fetches interleave, and
/// a run resumed from the journal ends with the same observation as an uninterrupted one.
/// </summary>
public sealed class SiteCrawler(Fetcher fetcher, LinkCheckCache links, CrawlOptions options)
{
    public async Task<CrawlResult> CrawlAsync(string homepage, DateTimeOffset now, CancellationToken cancel = default)
    {
        var home = new Uri(homepage);
        var scope = new CrawlScope(home, options.Aliases);
        var traps = new TrapDetector(options, now);
        using var journal = options.JournalDirectory is null ? null : CrawlJournal.Open(options.JournalDirectory, homepage, options.JournalSyncInterval);
        if (journal is not null)
        {
            foreach (var (url, outcome) in journal.Links)
            {
                links.Seed(url, outcome);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var crawled = new Dictionary<string, FetchOutcome>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        var checkTargets = new List<string>();
        var checkSet = new HashSet<string>(StringComparer.Ordinal);
        var pages = new List<JournalPage>();
        var fetched = 0;

        var start = CrawlUrl.Normalize(home);
        seen.Add(start);
        var frontier = new List<(string Url, int Depth, string? Referrer)> { (start, 0, null) };
        while (frontier.Count > 0)
        {
            var budget = options.MaxPages - pages.Count;
            if (budget <= 0)
            {
                foreach (var (url, _, _) in frontier)
                {
                    skipped[url] = "page limit reached";
                }

                break;
            }

            var level = frontier.Take(budget).ToList();
            foreach (var (url, _, _) in frontier.Skip(budget))
            {
                skipped[url] = "page limit reached";
            }

            var results = new JournalPage[level.Count];
            await Parallel.ForAsync(0, level.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancel }, async (i, token) =>
            {
                var (url, depth, referrer) = level[i];
                if (journal?.Pages.GetValueOrDefault(url) is { } restored)
                {
                    results[i] = restored;
                    return;
                }

                var result = await fetcher.GetAsync(url, token).ConfigureAwait(false);
                string? baseHref = null;
                var extracted = result.Html is { Length: > 0 } html ? LinkExtractor.Extract(html, out baseHref) : [];
                var page = new PageObservation(url, result.Outcome, result.Headers, options.KeepHtml ? result.Html : null, result.Charset, depth, referrer, result.CapturedAt);
                results[i] = new JournalPage(url, page, extracted, baseHref);
                Interlocked.Increment(ref fetched);

                // A page cut short by our own fault is not journaled: a resumed run must fetch it again.
                if (result.Outcome.Status != FetchStatus.ScannerError)
                {
                    journal?.AppendPage(results[i]);
                }
            }).ConfigureAwait(false);

            var next = new List<(string Url, int Depth, string? Referrer)>();
            foreach (var entry in results)
            {
                var page = entry.Page;
                crawled[entry.Requested] = page.Outcome;
                if (page.Outcome.Status == FetchStatus.RobotsExcluded)
                {
                    // Never fetched: a link outcome, not a page of the site.
                    continue;
                }

                pages.Add(entry);
                Uri baseUri = home;
                if (page.Outcome.FinalUrl is { } finalUrl && Uri.TryCreate(finalUrl, UriKind.Absolute, out var final))
                {
                    var normalizedFinal = CrawlUrl.Normalize(final);
                    crawled.TryAdd(normalizedFinal, page.Outcome);
                    seen.Add(normalizedFinal);
                    baseUri = final;
                }

                if (entry.BaseHref is { } baseHref && Uri.TryCreate(baseUri, baseHref, out var declared))
                {
                    baseUri = declared;
                }

                foreach (var link in entry.Links)
                {
                    if (CrawlUrl.Resolve(baseUri, link.Reference) is not { } target || !Uri.TryCreate(target, UriKind.Absolute, out var targetUri))
                    {
                        continue;
                    }

                    var isPage = scope.Contains(targetUri) && !CrawlUrl.LooksLikeFile(targetUri)
                        && link.Source is LinkSource.Anchor or LinkSource.Area or LinkSource.Frame or LinkSource.MetaRefresh;
                    if (isPage)
                    {
                        if (!seen.Add(target))
                        {
                            continue;
                        }

                        if (traps.Check(targetUri, baseUri) is { } trap)
                        {
                            skipped[target] = $"trap: {trap}";
                        }
                        else if (page.Depth + 1 > options.MaxDepth)
                        {
                            skipped[target] = "depth limit reached";
                        }
                        else
                        {
                            next.Add((target, page.Depth + 1, entry.Requested));
                        }
                    }
                    else if (link.Source != LinkSource.Form && checkSet.Add(target))
                    {
                        checkTargets.Add(target);
                    }
                }

                if (page.Depth == 0 && options.UseSitemap)
                {
                    foreach (var location in await SitemapAsync(home, journal, cancel).ConfigureAwait(false))
                    {
                        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || !scope.Contains(uri))
                        {
                            continue;
                        }

                        var target = CrawlUrl.Normalize(uri);
                        if (seen.Add(target) && traps.Check(uri, null) is null && options.MaxDepth >= 1)
                        {
                            next.Add((target, 1, null));
                        }
                    }
                }
            }

            frontier = next;
        }

        var checkedOutcomes = new Dictionary<string, FetchOutcome>(StringComparer.Ordinal);
        if (options.CheckLinks)
        {
            var outcomes = new FetchOutcome[checkTargets.Count];
            await Parallel.ForAsync(0, checkTargets.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancel }, async (i, token) =>
            {
                var url = checkTargets[i];
                var restored = journal is not null && journal.Links.ContainsKey(url);
                outcomes[i] = await links.CheckAsync(url, token).ConfigureAwait(false);
                if (!restored && outcomes[i].Status != FetchStatus.ScannerError)
                {
                    journal?.AppendLink(url, outcomes[i]);
                }
            }).ConfigureAwait(false);
            for (var i = 0; i < checkTargets.Count; i++)
            {
                checkedOutcomes[checkTargets[i]] = outcomes[i];
            }
        }

        return new CrawlResult(pages.Select(p => p.Page).ToList(), Links(pages, home, scope, crawled, checkedOutcomes, skipped), NotMeasured(pages))
        {
            FetchedPages = fetched,
        };
    }

    private static List<LinkObservation> Links(List<JournalPage> pages, Uri home, CrawlScope scope, Dictionary<string, FetchOutcome> crawled,
        Dictionary<string, FetchOutcome> checkedOutcomes, Dictionary<string, string> skipped)
    {
        var observations = new List<LinkObservation>();
        var onPage = new HashSet<(string, LinkSource)>();
        foreach (var entry in pages)
        {
            onPage.Clear();
            var page = entry.Page;
            var baseUri = page.Outcome.FinalUrl is { } f && Uri.TryCreate(f, UriKind.Absolute, out var final) ? final : home;
            if (entry.BaseHref is { } baseHref && Uri.TryCreate(baseUri, baseHref, out var declared))
            {
                baseUri = declared;
            }

            foreach (var link in entry.Links)
            {
                if (CrawlUrl.Resolve(baseUri, link.Reference) is not { } target || !onPage.Add((target, link.Source)))
                {
                    continue;
                }

                var outcome = crawled.GetValueOrDefault(target) ?? checkedOutcomes.GetValueOrDefault(target)
                    ?? (skipped.TryGetValue(target, out var reason) ? Skipped(target, reason) : null);
                observations.Add(new LinkObservation(entry.Requested, target, link.Source, link.Text, scope.Contains(new Uri(target)), outcome));
            }
        }

        return observations;
    }

    private static FetchOutcome Skipped(string url, string reason) =>
        new(url, FetchStatus.Skipped, null, null, [], null, null, TimeSpan.Zero, reason, null);

    private static List<NotMeasured> NotMeasured(List<JournalPage> pages)
    {
        var home = pages.FirstOrDefault()?.Page.Outcome;
        return home is { Status: FetchStatus.ScannerError }
            ? [new NotMeasured("links.broken", $"the homepage could not be fetched by the scanner: {home.Error}")]
            : [];
    }

    private async Task<IReadOnlyList<string>> SitemapAsync(Uri home, CrawlJournal? journal, CancellationToken cancel)
    {
        if (journal?.Sitemap is { } restored)
        {
            return restored;
        }

        var result = await fetcher.GetAsync(new Uri(home, "/sitemap.xml").AbsoluteUri, cancel).ConfigureAwait(false);
        if (result.Outcome.Status == FetchStatus.ScannerError)
        {
            return [];
        }

        IReadOnlyList<string> locations = result.Outcome.Status == FetchStatus.Ok
            ? SitemapReader.Locations(result.Body, options.MaxPages)
            : [];
        journal?.AppendSitemap(locations);
        return locations;
    }
}
