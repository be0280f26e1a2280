using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using GovEval.Core.Observations;
using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Server;

namespace GovEval.Checks.Tests.Support;

/// <summary>
/// A small in-process collector for measuring the checks against the simulated web before the real one
/// (GovEval.Collect) is merged: breadth-first crawl through <see cref="SandboxServer.Answer"/>, retrying transient
/// faults as a careful crawler does, decoding as browsers do, keeping off the scanner traps, and sampling the
/// homepage once per availability slot on a manual clock.
/// </summary>
public static partial class SandboxCollector
{
    private static readonly HtmlParser Parser = new();

    static SandboxCollector()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed record Got(string Url, FetchOutcome Outcome, string? Html, string? ContentType);

    public static SiteObservation Collect(SandboxServer server, Clock clock, string host, DateTimeOffset now, int maxPages = 6000)
    {
        var fetched = new Dictionary<string, Got>(StringComparer.Ordinal);
        Got Fetch(string url)
        {
            if (!fetched.TryGetValue(url, out var got))
            {
                got = Get(server, clock, url);
                fetched[url] = got;
            }

            return got;
        }

        var homepage = $"http://{host}/";
        var pages = new List<PageObservation>();
        var links = new List<(string Page, string Target, LinkSource Source, string Text)>();
        var queue = new Queue<(string Url, int Depth, string? Referrer)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { homepage };
        queue.Enqueue((homepage, 0, null));
        string? siteHost = null;
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var (url, depth, referrer) = queue.Dequeue();
            var got = Fetch(url);
            var final = got.Outcome.FinalUrl ?? url;
            siteHost ??= new Uri(final).Host;
            pages.Add(new PageObservation(url, got.Outcome, new Dictionary<string, string>(), got.Html, "utf-8", depth, referrer, now));
            if (got.Html is null)
            {
                continue;
            }

            var document = Parser.ParseDocument(got.Html);
            foreach (var element in document.QuerySelectorAll("a[href], img[src], link[href], script[src], iframe[src]"))
            {
                var href = element.GetAttribute("href") ?? element.GetAttribute("src");
                if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = new UriBuilder(new Uri(new Uri(final), href)) { Fragment = "" }.Uri.ToString();
                var source = element.LocalName switch
                {
                    "a" => LinkSource.Anchor,
                    "img" => LinkSource.Image,
                    "link" => LinkSource.Stylesheet,
                    "script" => LinkSource.Script,
                    _ => LinkSource.Frame,
                };
                links.Add((url, target, source, element.TextContent.Trim()));
                var uri = new Uri(target);
                if (uri.Host == siteHost && source == LinkSource.Anchor && !Trap(uri) && !File(uri) && seen.Add(target))
                {
                    queue.Enqueue((target, depth + 1, url));
                }
            }

            // Lists filled by a script hold their links in an inline listData array, as a browser would render them.
            foreach (var entry in GovEval.Checks.Columns.ListItems.Read(document, final, DateOnly.FromDateTime(now.DateTime)))
            {
                var uri = new Uri(entry.Url);
                if (uri.Host == siteHost && !Trap(uri) && !File(uri) && seen.Add(entry.Url))
                {
                    links.Add((url, entry.Url, LinkSource.Anchor, entry.Title));
                    queue.Enqueue((entry.Url, depth + 1, url));
                }
            }
        }

        var observed = links.Select(l =>
        {
            var uri = new Uri(l.Target);
            var outcome = Trap(uri) ? Unknown(l.Target, uri.AbsolutePath.StartsWith(FaultPaths.PrintPrefix + "/", StringComparison.Ordinal) ? FetchStatus.RobotsExcluded : FetchStatus.Skipped)
                : Fetch(l.Target).Outcome;
            return new LinkObservation(l.Page, l.Target, l.Source, l.Text, uri.Host == siteHost, outcome);
        }).ToList();

        return new SiteObservation(homepage, now, pages, observed, Samples(server, clock, host), Search(server, clock, host, pages, now), null, null, []);
    }

    /// <summary>One homepage visit per slot for 100 slots (a day): exactly the site's failure share.</summary>
    private static List<AvailabilitySample> Samples(SandboxServer server, Clock clock, string host)
    {
        var samples = new List<AvailabilitySample>();
        var start = clock.Now;
        for (var s = 0; s < 100; s++)
        {
            clock.Now = start + server.Options.AvailabilitySlot * s;
            var response = server.Answer(host, new SandboxRequest("GET", "/", "", false));
            if (response.Status is 301 or 302 && (response.Headers.FirstOrDefault(h => h.Key == "Location").Value ?? "").StartsWith("https:", StringComparison.Ordinal))
            {
                response = server.Answer(host, new SandboxRequest("GET", "/", "", true));
            }

            var real = TimeSpan.FromTicks((long)(response.Delay.Ticks / server.Options.DelayScale));
            var outcome = real > TimeSpan.FromSeconds(15)
                ? new FetchOutcome($"http://{host}/", FetchStatus.Timeout, null, null, [], null, null, TimeSpan.FromSeconds(15), "15 s", null)
                : new FetchOutcome($"http://{host}/", FetchStatus.Ok, response.Status, null, [], response.ContentType, null, real, null, null);
            samples.Add(new AvailabilitySample(clock.Now, outcome));
        }

        clock.Now = start + server.Options.AvailabilitySlot * 100 + TimeSpan.FromHours(1);
        return samples;
    }

    /// <summary>Searches the newest dated homepage title, as the real probe does.</summary>
    private static SearchProbe Search(SandboxServer server, Clock clock, string host, List<PageObservation> pages, DateTimeOffset now)
    {
        var home = pages[0];
        var baseUrl = home.Outcome.FinalUrl ?? home.Url;
        var document = home.Html is null ? null : Parser.ParseDocument(home.Html);
        var form = document?.QuerySelector("form[action*=search]") is not null;
        var today = DateOnly.FromDateTime(now.DateTime);
        var newest = document is null ? null : GovEval.Checks.Columns.ListItems.Read(document, baseUrl, today)
            .Where(e => e.Date is not null && e.Title.Length > 4).OrderByDescending(e => e.Date).FirstOrDefault();
        var searchUrl = new Uri(new Uri(baseUrl), "/search" + (newest is null ? "" : "?q=" + Uri.EscapeDataString(newest.Title))).ToString();
        var got = Get(server, clock, searchUrl);
        List<SearchResultLink>? results = null;
        if (got.Html is not null && newest is not null)
        {
            // Recorded raw, as the real probe does: every anchor of the results page; the check decides.
            results = Parser.ParseDocument(got.Html).QuerySelectorAll("a[href]")
                .Select(a => new SearchResultLink(new Uri(new Uri(got.Outcome.FinalUrl ?? searchUrl), a.GetAttribute("href")!).GetLeftPart(UriPartial.Query), a.TextContent.Trim()))
                .DistinctBy(r => r.Url)
                .ToList();
        }

        return new SearchProbe(form, form ? searchUrl : null, baseUrl, newest?.Title, newest?.Url, newest is null ? null : "GET", newest is null ? null : searchUrl,
            newest is null ? [] : [new SearchField("q", newest.Title)], got.Outcome, results, results?.Count ?? 0);
    }

    private static Got Get(SandboxServer server, Clock clock, string url)
    {
        var redirects = new List<Redirect>();
        var current = url;
        for (var hop = 0; hop < 20; hop++)
        {
            var uri = new Uri(current);
            if (uri.Host.EndsWith(".invalid", StringComparison.Ordinal))
            {
                return new Got(url, new FetchOutcome(url, FetchStatus.Dns, null, null, redirects, null, null, TimeSpan.Zero, "NXDOMAIN", null), null, null);
            }

            SandboxResponse response = null!;
            for (var attempt = 0; attempt <= 8; attempt++)
            {
                clock.Now += TimeSpan.FromSeconds(1);
                response = server.Answer(uri.Host, new SandboxRequest("GET", uri.AbsolutePath, uri.Query, uri.Scheme == "https"));
                var transient = response.Abort && response.Delay == TimeSpan.Zero || response.Status is 500 or 502 or 503 or 429;
                if (!transient)
                {
                    break;
                }
            }

            if (response.Abort)
            {
                var status = response.Delay > TimeSpan.Zero ? FetchStatus.Timeout : FetchStatus.Connection;
                return new Got(url, new FetchOutcome(url, status, null, current, redirects, null, null, response.Delay, "dropped", null), null, null);
            }

            if (response.Status is 301 or 302 or 303 or 307 or 308 && response.Headers.FirstOrDefault(h => h.Key == "Location").Value is { } location)
            {
                var next = new Uri(uri, location).ToString();
                redirects.Add(new Redirect(current, next, response.Status));
                current = next;
                continue;
            }

            var ok = response.Status is >= 200 and < 300;
            var type = response.ContentType;
            var html = ok && (type ?? "").StartsWith("text/html", StringComparison.Ordinal) && response.Stream is null ? Decode(response) : null;
            return new Got(url, new FetchOutcome(url, ok ? FetchStatus.Ok : FetchStatus.HttpError, response.Status, current, redirects, type, response.Body.Length, TimeSpan.FromMilliseconds(50), null, null), html, type);
        }

        return new Got(url, new FetchOutcome(url, FetchStatus.RedirectLoop, null, current, redirects, null, null, TimeSpan.Zero, "too many redirects", null), null, null);
    }

    private static FetchOutcome Unknown(string url, FetchStatus status) => new(url, status, null, null, [], null, null, TimeSpan.Zero, null, null);

    private static bool Trap(Uri uri) =>
        uri.AbsolutePath.StartsWith(FaultPaths.PrintPrefix + "/", StringComparison.Ordinal)
        || uri.AbsolutePath is FaultPaths.CalendarPath or FaultPaths.LargePage or FaultPaths.GzipBomb
        || uri.Query.Contains("sort", StringComparison.Ordinal)
        || uri.AbsolutePath == "/search";

    private static bool File(Uri uri) => FileExtension().IsMatch(uri.AbsolutePath);

    [GeneratedRegex(@"\.(pdf|docx?|xlsx?|png|jpe?g|gif|css|js|zip|rar)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileExtension();

    private static string? Decode(SandboxResponse response)
    {
        var body = response.Body;
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(body, 3, body.Length - 3);
        }

        var header = Charset().Match(response.ContentType ?? "");
        if (header.Success)
        {
            return For(header.Groups[1].Value).GetString(body);
        }

        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 1024));
        var meta = Charset().Match(head);
        return (meta.Success ? For(meta.Groups[1].Value) : Encoding.GetEncoding("gbk")).GetString(body);
    }

    private static Encoding For(string label) => label.ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => Encoding.UTF8,
        "gb2312" or "gbk" => Encoding.GetEncoding(936),
        _ => Encoding.GetEncoding(label),
    };

    [GeneratedRegex(@"charset=[""']?([\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
