using System.Threading.Channels;
using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Crawls one site breadth-first from its homepage (and sitemap): in-scope HTML pages are fetched and their links
/// read; every other target is checked once through the shared <see cref="LinkCheckCache"/>.
/// Workers fetch and parse pages in parallel as soon as they are discovered, but a single committer takes the
/// results in discovery order: deduplication, traps, robots and caps are decided in that order, so the result
/// is the same however the fetches interleave, and a run resumed from the journal ends with the same
/// observation as an uninterrupted one.
/// </summary>
public sealed class SiteCrawler(Fetcher fetcher, LinkCheckCache links, CrawlOptions options)
{
    public async Task<CrawlResult> CrawlAsync(string homepage, DateTimeOffset now, CancellationToken cancel = default)
    {
        var home = new Uri(homepage);
        var scope = new CrawlScope(home, options.Aliases);
        var resolver = new LinkResolver(scope);
        var traps = new TrapDetector(options, now);
        using var journal = options.JournalDirectory is null ? null : CrawlJournal.Open(options.JournalDirectory, homepage, options.JournalSyncInterval);
        if (journal is not null)
        {
            foreach (var (url, outcome) in journal.Links)
            {
                links.Seed(url, outcome);
            }
        }

        // Every target seen, once: its number, and by number its one shared string. A page's links keep the numbers
        // of their targets, so they become observations without hashing a URL again for each of them.
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = new List<string>();
        var pageTargets = new List<int[]>();
        var crawled = new Dictionary<string, FetchOutcome>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, FetchOutcome>(StringComparer.Ordinal);
        var checks = new Dictionary<string, Task<FetchOutcome>>(StringComparer.Ordinal);
        var pages = new List<JournalPage>();
        var listPages = new List<string>();
        var fetched = 0;

        // The site's budget stops the crawl, not the command: what was committed by then is kept.
        var budget = options.Budget;
        using var siteSource = budget is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancel, budget.Token);
        var site = siteSource?.Token ?? cancel;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(site);
        var dropped = new List<NotMeasured>();
        var cut = false;
        var work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleWriter = true });
        var slots = new List<TaskCompletionSource<JournalPage>?>();
        var workers = Enumerable.Range(0, Math.Max(1, options.Parallelism))
            .Select(_ => Task.Run(() => WorkAsync(work.Reader, resolver, journal, () => Interlocked.Increment(ref fetched), stop.Token)))
            .ToList();
        using var checkSlots = new SemaphoreSlim(Math.Max(1, options.Parallelism));

        void Enqueue(string url, int depth, string? referrer, Uri? allowed = null)
        {
            var slot = new TaskCompletionSource<JournalPage>(TaskCreationOptions.RunContinuationsAsynchronously);
            slots.Add(slot);
            work.Writer.TryWrite(new Work(url, depth, referrer, slot, allowed));
        }

        // True when the URL is new; either way its number.
        bool Know(string url, out int id)
        {
            if (known.TryGetValue(url, out id))
            {
                return false;
            }

            id = targets.Count;
            known.Add(url, id);
            targets.Add(url);
            return true;
        }

        void Skip(string url, string reason) => skipped[url] = new FetchOutcome(url, FetchStatus.Skipped, null, null, [], null, null, TimeSpan.Zero, reason, null);

        try
        {
            var start = CrawlUrl.Normalize(home);
            Know(start, out _);
            Enqueue(start, 0, null);
            for (var i = 0; i < slots.Count; i++)
            {
                JournalPage entry;
                try
                {
                    entry = await slots[i]!.Task.WaitAsync(site).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (budget is not null && budget.Stopped(cancel))
                {
                    cut = true;
                    break;
                }

                cancel.ThrowIfCancellationRequested();
                if (budget is not null && budget.Stopped(cancel))
                {
                    cut = true;
                    break;
                }

                // A committed page's slot is done with: a large site's would otherwise be kept to the end.
                slots[i] = null;
                options.Progress?.Report(i + 1, slots.Count);
                var page = entry.Page;
                crawled[entry.Requested] = page.Outcome;
                if (page.Outcome.Status == FetchStatus.RobotsExcluded)
                {
                    // Never fetched: a link outcome, not a page of the site.
                    continue;
                }

                pages.Add(entry);
                if (entry.LinksDropped > 0)
                {
                    dropped.Add(new NotMeasured(page.Depth == 0 ? "links.broken-homepage" : "links.broken",
                        $"页面 {entry.Requested} 的链接超过每页上限 {options.MaxLinksPerPage} 个（另有 {entry.LinksDropped} 个未读取、未检查），可用 --max-links-per-page 放宽"));
                }

                var ids = new int[entry.Links.Length];
                pageTargets.Add(ids);
                var pageUrl = home.AbsoluteUri;
                if (page.Outcome.FinalUrl is { } finalUrl)
                {
                    // Only a redirect's target is new: most pages end where they were asked for (already normalised).
                    if (!string.Equals(finalUrl, entry.Requested, StringComparison.Ordinal) && Uri.TryCreate(finalUrl, UriKind.Absolute, out var final))
                    {
                        var normalizedFinal = CrawlUrl.Normalize(final);
                        crawled.TryAdd(normalizedFinal, page.Outcome);
                        Know(normalizedFinal, out _);
                    }

                    pageUrl = finalUrl;
                }

                var resolved = entry.Links;
                var fresh = 0;
                listPages.Clear();
                for (var k = 0; k < resolved.Length; k++)
                {
                    var link = resolved[k];
                    if (link.Role == LinkRole.Form)
                    {
                        ids[k] = -1;
                        continue;
                    }

                    // Share one string per target across the site: links outnumber pages tenfold. (Link texts are
                    // shared as they are read, by LinkExtractor.)
                    if (!Know(link.Target, out ids[k]))
                    {
                        resolved[k] = link with { Target = targets[ids[k]] };
                        continue;
                    }

                    switch (link.Role)
                    {
                        case LinkRole.Page:
                            fresh++;
                            await Discover(link.Target, page.Depth + 1, entry.Requested, pageUrl, listPage: false).ConfigureAwait(false);
                            break;
                        case LinkRole.ListPage:
                            listPages.Add(link.Target);
                            break;
                        case LinkRole.Check:
                            fresh++;
                            if (options.CheckLinks)
                            {
                                checks[link.Target] = CheckAsync(link.Target, journal, checkSlots, site, cancel);
                            }

                            break;
                    }
                }

                // The list's other pages, after the page's own links: at the list's depth while the list brings
                // something new, one click deeper (as any link) once a page of it brought nothing, so a pager that
                // never ends (page N+1 of the same items, an empty list forever) is held by the depth cap.
                foreach (var listPage in listPages)
                {
                    await Discover(listPage, fresh > 0 ? page.Depth : page.Depth + 1, entry.Requested, pageUrl, listPage: true).ConfigureAwait(false);
                }

                if (page.Depth == 0 && options.UseSitemap)
                {
                    foreach (var location in await SitemapAsync(home, journal, cancel).ConfigureAwait(false))
                    {
                        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && scope.Contains(uri) && !CrawlUrl.LooksLikeFile(uri)
                            && Know(CrawlUrl.Normalize(uri), out _))
                        {
                            await Discover(CrawlUrl.Normalize(uri), 1, null, null, listPage: false).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        finally
        {
            work.Writer.TryComplete();
            stop.Cancel();
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        var checkedOutcomes = new Dictionary<string, FetchOutcome>(StringComparer.Ordinal);
        foreach (var (url, task) in checks)
        {
            try
            {
                checkedOutcomes[url] = await task.WaitAsync(site).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (budget is not null && budget.Stopped(cancel))
            {
                // Out of time: a target not checked is not known to be broken.
                cut = true;
                checkedOutcomes[url] = new FetchOutcome(url, FetchStatus.Skipped, null, null, [], null, null, TimeSpan.Zero, "site budget exhausted", null);
            }
        }

        var notMeasured = NotMeasured(pages);
        notMeasured.AddRange(dropped);
        if (cut)
        {
            notMeasured.AddRange(Unreached(budget!));
        }

        return new CrawlResult(pages.Select(p => p.Page).ToList(), Links(pages, pageTargets, targets, crawled, checkedOutcomes, skipped), notMeasured)
        {
            FetchedPages = fetched,
            Cut = cut,
        };

        // A list page is one of many of the same path or folder: its query variants are the list's pages, not a trap.
        async ValueTask Discover(string target, int depth, string? referrer, string? referrerUrl, bool listPage)
        {
            var uri = new Uri(target);

            // The trap rules compare with the linking page only for URLs with a query.
            var referrerUri = referrerUrl is not null && uri.Query.Length > 1 && Uri.TryCreate(referrerUrl, UriKind.Absolute, out var from) ? from : null;
            if (traps.Check(uri, referrerUri, countVariant: !listPage) is { } trap)
            {
                Skip(target, $"trap: {trap}");
            }
            else if (depth > options.MaxDepth)
            {
                Skip(target, "depth limit reached");
            }
            else if (await fetcher.RobotsAnswerAsync(uri, cancel).ConfigureAwait(false) is var robots && robots == RobotsAnswer.Excluded)
            {
                skipped[target] = new FetchOutcome(target, FetchStatus.RobotsExcluded, null, null, [], null, null, TimeSpan.Zero, "excluded by robots.txt", null);
            }
            else if (slots.Count >= options.MaxPages)
            {
                Skip(target, "page limit reached");
            }
            else
            {
                // An allowed page is fetched without parsing its URL or asking robots.txt again.
                Enqueue(target, depth, referrer, robots == RobotsAnswer.Allowed ? uri : null);
            }
        }
    }

    private async Task WorkAsync(ChannelReader<Work> reader, LinkResolver resolver, CrawlJournal? journal, Action counted, CancellationToken cancel)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                try
                {
                    item.Slot.TrySetResult(await FetchPageAsync(item, resolver, journal, counted, cancel).ConfigureAwait(false));
                }
                catch (Exception e)
                {
                    item.Slot.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<JournalPage> FetchPageAsync(Work item, LinkResolver resolver, CrawlJournal? journal, Action counted, CancellationToken cancel)
    {
        if (journal?.Pages.GetValueOrDefault(item.Url) is { } restored)
        {
            return restored;
        }

        var result = await fetcher.FetchAsync(item.Url, FetchRequest.CrawlPage(item.Allowed), cancel).ConfigureAwait(false);
        ResolvedLink[] resolved = [];
        var droppedLinks = 0;
        if (result.Html is { Length: > 0 } html)
        {
            var extracted = extractedLinks ??= new List<ExtractedLink>(64);
            extracted.Clear();
            droppedLinks = LinkExtractor.Extract(html, extracted, Math.Max(1, options.MaxLinksPerPage), out var baseHref);
            var pageUri = result.FinalUri ?? new Uri(result.Outcome.FinalUrl ?? item.Url);
            resolved = resolver.Resolve(extracted, pageUri, baseHref);
            extracted.Clear();
            if (extracted.Capacity > 4096)
            {
                // A page with thousands of links should not pin its list to the thread for good.
                extractedLinks = null;
            }
        }

        var page = new PageObservation(item.Url, result.Outcome, result.Headers, options.KeepHtml ? result.Html : null, result.Charset, item.Depth, item.Referrer, result.CapturedAt);
        var entry = new JournalPage(item.Url, page, resolved) { LinksDropped = droppedLinks };
        counted();

        // A page cut short by our own fault is not journaled: a resumed run must fetch it again.
        if (result.Outcome.Status != FetchStatus.ScannerError)
        {
            journal?.AppendPage(entry);
        }

        return entry;
    }

    // The wait for a slot ends with the site's budget; the check itself only with the command: the cache shares it
    // with every site that links the target, and one site running out of time must not cancel it for the others.
    private async Task<FetchOutcome> CheckAsync(string url, CrawlJournal? journal, SemaphoreSlim slots, CancellationToken site, CancellationToken cancel)
    {
        var restored = journal is not null && journal.Links.ContainsKey(url);
        await slots.WaitAsync(site).ConfigureAwait(false);
        try
        {
            var outcome = await links.CheckAsync(url, cancel).ConfigureAwait(false);
            if (!restored && outcome.Status != FetchStatus.ScannerError)
            {
                journal?.AppendLink(url, outcome);
            }

            return outcome;
        }
        finally
        {
            slots.Release();
        }
    }

    private static List<LinkObservation> Links(List<JournalPage> pages, List<int[]> pageTargets, List<string> targets,
        Dictionary<string, FetchOutcome> crawled, Dictionary<string, FetchOutcome> checkedOutcomes, Dictionary<string, FetchOutcome> skipped)
    {
        var observations = new List<LinkObservation>(pages.Sum(p => p.Links.Length));

        // Each target's outcome is found once, by its URL; its links then find it by number. Looking each link's
        // URL up instead read hundreds of thousands of strings scattered over the heap (~50 ms on a 20,000-page site).
        var outcomes = new FetchOutcome?[targets.Count];
        for (var t = 0; t < targets.Count; t++)
        {
            outcomes[t] = OutcomeOf(targets[t], crawled, checkedOutcomes, skipped);
        }

        var seen = new HashSet<(string, LinkSource)>();
        for (var p = 0; p < pages.Count; p++)
        {
            var entry = pages[p];
            var links = entry.Links;
            var ids = pageTargets[p];
            var many = links.Length > MaxScannedLinks;
            seen.Clear();
            for (var k = 0; k < links.Length; k++)
            {
                var link = links[k];
                if (many ? !seen.Add((link.Target, link.Source)) : SeenEarlierOnPage(links, ids, k))
                {
                    continue;
                }

                // Forms have no number: the crawler never follows them.
                var outcome = ids[k] >= 0 ? outcomes[ids[k]] : OutcomeOf(link.Target, crawled, checkedOutcomes, skipped);
                observations.Add(new LinkObservation(entry.Requested, link.Target, link.Source, link.Text, link.Internal, outcome));
            }
        }

        return observations;
    }

    private static FetchOutcome? OutcomeOf(string target, Dictionary<string, FetchOutcome> crawled, Dictionary<string, FetchOutcome> checkedOutcomes, Dictionary<string, FetchOutcome> skipped) =>
        crawled.GetValueOrDefault(target) ?? checkedOutcomes.GetValueOrDefault(target) ?? skipped.GetValueOrDefault(target);

    // One observation per target and source on a page. Most pages have a few dozen links, where a scan (by target
    // number; forms, which have none, by URL) beats hashing every URL; pages with more use a set.
    private const int MaxScannedLinks = 64;

    private static bool SeenEarlierOnPage(ResolvedLink[] links, int[] ids, int k)
    {
        var link = links[k];
        var id = ids[k];
        for (var j = 0; j < k; j++)
        {
            if (links[j].Source == link.Source && (id >= 0 ? ids[j] == id : string.Equals(links[j].Target, link.Target, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What a crawl cut short by the site's budget did not see: every rule fed by the pages and links beyond the
    /// homepage (RULES.md §5: those whose url is a target, a column or a page, and the vetoes counted from them).
    /// </summary>
    public static IEnumerable<NotMeasured> Unreached(SiteBudget budget) =>
        Core.Rules.RuleCatalogue.All
            .Where(r => r.Url is Core.Rules.UrlMeaning.Target or Core.Rules.UrlMeaning.Column or Core.Rules.UrlMeaning.Page && r.Id != "links.broken-homepage")
            .Select(r => r.Id)
            .Append("veto.columns-stale")
            .Append("veto.serious-error")
            .Select(rule => new NotMeasured(rule, $"{budget.Reason}：抓取未完成"));

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

    // A worker thread's scratch list for the links of the page it is reading.
    [ThreadStatic]
    private static List<ExtractedLink>? extractedLinks;

    /// <summary>A page to fetch; <paramref name="Allowed"/> is its URL already parsed and found allowed by robots.txt.</summary>
    private sealed record Work(string Url, int Depth, string? Referrer, TaskCompletionSource<JournalPage> Slot, Uri? Allowed);
}
