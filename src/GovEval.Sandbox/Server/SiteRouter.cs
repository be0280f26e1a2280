using System.Globalization;
using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Faults;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Server;

/// <summary>
/// Answers a request to one site: planted broken targets first, then the site's pages, then faults layered on
/// top, then the site's way of answering a missing page. Pure apart from the attempt counter of transient faults.
/// </summary>
public sealed class SiteRouter(SandboxOptions options, AttemptCounter attempts)
{
    private long disallowed;

    /// <summary>Requests into robots-disallowed areas: a polite crawler makes none.</summary>
    public long DisallowedRequests => Interlocked.Read(ref disallowed);

    private long homepageAnswers;

    /// <summary>
    /// Homepage requests whose availability was decided (the schedule read): an in-process monitor on a compressed
    /// clock waits for every visit of a slot to get here before moving the clock to the next slot.
    /// </summary>
    public long HomepageAnswers => Interlocked.Read(ref homepageAnswers);

    public SandboxResponse Route(SiteModel site, SandboxRequest request, DateTimeOffset now)
    {
        if (!request.IsHttps && site.Https == HttpsMode.Good)
        {
            return SandboxResponse.Redirect(301, $"https://{site.Host}{request.Path}{request.Query}");
        }

        var response = Page(site, request, now) ?? Missing(site);
        if (site.Headers.HasFlag(SecurityHeaders.Hsts))
        {
            response.With("Strict-Transport-Security", "max-age=31536000");
        }

        if (site.Headers.HasFlag(SecurityHeaders.Csp))
        {
            // frame-ancestors is frame protection in its own right (Mozilla Observatory): a site planted without
            // X-Frame-Options must not get it back through its CSP, or the truth would name a defect it doesn't have.
            var frameAncestors = site.Headers.HasFlag(SecurityHeaders.FrameOptions) ? "; frame-ancestors 'self'" : "";
            response.With("Content-Security-Policy", $"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{frameAncestors}");
        }

        if (site.Headers.HasFlag(SecurityHeaders.ContentTypeOptions))
        {
            response.With("X-Content-Type-Options", "nosniff");
        }

        if (site.Headers.HasFlag(SecurityHeaders.FrameOptions))
        {
            response.With("X-Frame-Options", "SAMEORIGIN");
        }

        return response;
    }

    private SandboxResponse? Page(SiteModel site, SandboxRequest request, DateTimeOffset now)
    {
        var path = request.Path;
        var broken = site.Broken.FirstOrDefault(b => !b.External && b.Target == path);
        if (broken is not null || path.StartsWith("/go/", StringComparison.Ordinal))
        {
            return Broken(site, broken, path);
        }

        switch (path)
        {
            case "/" or "/index.html":
                var slot = (long)Math.Floor((now - DateTimeOffset.UnixEpoch) / options.AvailabilitySlot);
                Interlocked.Increment(ref homepageAnswers);
                var home = Html(site, HomePage.Render(site));
                return site.HomepageFailsIn(slot) ? Delayed(home, options.Scaled(options.HomepageFailureDelay)) : home;
            case "/robots.txt":
                return SandboxResponse.Text(200, StaticPages.Robots(site));
            case "/sitemap.xml":
                return SandboxResponse.Text(200, StaticPages.Sitemap(site), "application/xml; charset=utf-8");
            case "/css/site.css":
                return SandboxResponse.Text(200, Files.Css, "text/css; charset=utf-8");
            case "/js/site.js":
                return SandboxResponse.Text(200, Files.Script, "application/javascript; charset=utf-8");
            case "/images/logo.png" or "/images/ga.png":
                return new SandboxResponse { ContentType = "image/png", Body = Files.Png };
            case "/wzdt.html":
                return Html(site, StaticPages.SiteMap(site));
            case "/lxwm.html":
                return Html(site, StaticPages.Contact(site));
            case "/zwgk/xxgkzn/index.html":
                return Html(site, StaticPages.DisclosureGuide(site));
            case "/search" when site.Search != SearchMode.Missing:
                var query = request.Method == "POST" ? request.FormQuery : request.QueryValue("q");
                var page = int.TryParse(request.QueryValue("p"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
                return Html(site, SearchPage.Render(site, query, Math.Clamp(page, 0, 1000)));
            case "/bsfw/index.html" when site.HasServices:
                return Html(site, ServicePages.Index(site));
        }

        return Services(site, path)
            ?? Uploads(site, path)
            ?? Traps(site, request, path)
            ?? Interaction(site, request, path)
            ?? Columns(site, request, path);
    }

    private SandboxResponse? Services(SiteModel site, string path)
    {
        if (!site.HasServices)
        {
            return null;
        }

        if (path.StartsWith("/bsfw/bszn/", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal)
            && int.TryParse(path["/bsfw/bszn/".Length..^".html".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && site.GuideByNumber(number) is { } guide)
        {
            return Html(site, ServicePages.Guide(site, guide));
        }

        var system = site.Systems.FirstOrDefault(s => s.Path == path);
        return system is null ? null : Html(site, ServicePages.System(site, system));
    }

    private static SandboxResponse? Uploads(SiteModel site, string path)
    {
        if (path.StartsWith("/uploads/img/", StringComparison.Ordinal) && path.EndsWith(".png", StringComparison.Ordinal))
        {
            return new SandboxResponse { ContentType = "image/png", Body = Files.Png };
        }

        var attachment = site.Guides.SelectMany(g => g.Attachments)
            .Concat(site.Articles.Values.SelectMany(a => a.Attachments))
            .FirstOrDefault(a => a.Path == path);
        if (attachment is null)
        {
            return null;
        }

        var (body, type) = Files.Attachment(attachment.Name, attachment.Extension);
        return new SandboxResponse { ContentType = type, Body = body }
            .With("Content-Disposition", $"attachment; filename=\"{path[(path.LastIndexOf('/') + 1)..]}\"");
    }

    private SandboxResponse? Traps(SiteModel site, SandboxRequest request, string path)
    {
        var faults = site.Faults;
        if (faults.HasFlag(FaultKind.RedirectChain) && path.StartsWith("/old/", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal)
            && int.TryParse(path["/old/".Length..^".html".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var hop) && hop >= 1 && hop <= FaultPaths.ChainLength)
        {
            return SandboxResponse.Redirect(hop % 2 == 0 ? 302 : 301, hop == FaultPaths.ChainLength ? "/lxwm.html" : $"/old/{hop + 1}.html");
        }

        if (faults.HasFlag(FaultKind.CalendarTrap) && path == FaultPaths.CalendarPath)
        {
            var month = request.QueryValue("month");
            if (month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                && first.Year is > 1 and < 9999)
            {
                return Html(site, StaticPages.Calendar(site, first.Year, first.Month));
            }

            return null;
        }

        if (faults.HasFlag(FaultKind.LargePage) && path == FaultPaths.LargePage)
        {
            var size = options.LargePageBytes;
            return new SandboxResponse { ContentType = "text/html; charset=utf-8", Stream = (s, c) => LargePage.WriteAsync(s, size, c) };
        }

        if (faults.HasFlag(FaultKind.GzipBomb) && path == FaultPaths.GzipBomb)
        {
            var size = options.GzipBombBytes;
            return new SandboxResponse
            {
                ContentType = "text/html; charset=utf-8",
                Stream = (s, c) => GzipBomb.WriteAsync(s, size, c),
                StreamLength = GzipBomb.CompressedLength(size),
            }.With("Content-Encoding", "gzip");
        }

        if (faults.HasFlag(FaultKind.RobotsDisallowed) && path.StartsWith(FaultPaths.PrintPrefix + "/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref disallowed);
            var item = ItemAt(site, path[FaultPaths.PrintPrefix.Length..]);
            return item is null ? null : Html(site, ArticlePage.Render(site, item, printVersion: true));
        }

        return null;
    }

    private static SandboxResponse? Interaction(SiteModel site, SandboxRequest request, string path)
    {
        var column = site.Columns.FirstOrDefault(c => c.Messages && (path == $"/{c.Slug}/write.html" || path == $"/{c.Slug}/submit"));
        if (column is null)
        {
            return null;
        }

        if (path.EndsWith("/write.html", StringComparison.Ordinal))
        {
            return Html(site, StaticPages.WriteForm(site, column));
        }

        if (request.Method != "POST")
        {
            return SandboxResponse.Text(405, "Method Not Allowed\n").With("Allow", "POST");
        }

        var code = (Hash.Of(site.Seed, "letter", site.Host + (request.FormQuery ?? "")) % 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture);
        return Html(site, StaticPages.Submitted(site, code));
    }

    private SandboxResponse? Columns(SiteModel site, SandboxRequest request, string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        var file = path[(slash + 1)..];
        var directory = path[1..slash];
        var column = site.ColumnBySlug(directory);
        if (column is not null && (file == "index.html" || file.StartsWith("index_", StringComparison.Ordinal)))
        {
            var page = file == "index.html" ? 0
                : int.TryParse(file["index_".Length..^".html".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && file.EndsWith(".html", StringComparison.Ordinal) ? n : -1;
            if (page < 0 || page >= column.Pages || (page == 0 && file != "index.html"))
            {
                return null;
            }

            var list = Html(site, ListPage.Render(site, column, page, request.Query.TrimStart('?')));
            var faults = site.Faults;
            var key = site.Host + path;
            if (faults.HasFlag(FaultKind.Burst5xx) && page > 0 && attempts.Next(key) % 4 < 2)
            {
                return SandboxResponse.Text(attempts.Next(key + "#kind") % 2 == 0 ? 500 : 502, "Server Error\n");
            }

            if (faults.HasFlag(FaultKind.RetryAfter503) && column.Class == ColumnClass.Policy && attempts.Next(key) % 2 == 0)
            {
                return SandboxResponse.Text(503, "Service Unavailable\n").With("Retry-After", "1");
            }

            if (faults.HasFlag(FaultKind.SlowResponse) && column.Class == ColumnClass.Other)
            {
                return Delayed(list, options.Scaled(options.SlowResponseDelay));
            }

            return list;
        }

        var item = ItemAt(site, path);
        if (item is null)
        {
            return null;
        }

        if (site.Faults.HasFlag(FaultKind.TransientReset) && item.Column.Index == 0 && attempts.Next(site.Host + path) % 2 == 0)
        {
            return SandboxResponse.Dropped();
        }

        var article = Html(site, ArticlePage.Render(site, item));
        if (site.Faults.HasFlag(FaultKind.SlowDrip) && item.Column.Class == ColumnClass.Static)
        {
            return new SandboxResponse { ContentType = article.ContentType, Body = article.Body, DripChunks = 10, DripDuration = options.Scaled(options.DripDuration) };
        }

        return article;
    }

    /// <summary>The item a path names, or null: /{slug}/{yyyyMM}/t{yyyyMMdd}_{id}.html.</summary>
    internal static Item? ItemAt(SiteModel site, string path)
    {
        var slash = path.LastIndexOf('/');
        var file = path[(slash + 1)..];
        if (slash <= 0 || !file.StartsWith('t') || !file.EndsWith(".html", StringComparison.Ordinal))
        {
            return null;
        }

        var underscore = file.IndexOf('_');
        var monthSlash = path.LastIndexOf('/', slash - 1);
        if (underscore < 0 || monthSlash <= 0
            || !int.TryParse(file[(underscore + 1)..^".html".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var column = site.ColumnBySlug(path[1..monthSlash]);
        var k = column?.Ordinal(id) ?? -1;
        if (column is null || k < 0)
        {
            return null;
        }

        var item = site.Item(column, k);
        return item.Path == path ? item : null;
    }

    private SandboxResponse Broken(SiteModel site, Sites.BrokenTarget? broken, string path)
    {
        if (broken is null)
        {
            // The second leg of a redirect loop: /go/…/back sends the client back where it came from.
            return path.EndsWith("/back", StringComparison.Ordinal) && site.Broken.Any(b => b.Kind == BreakKind.RedirectLoop && b.Target == path[..^"/back".Length])
                ? SandboxResponse.Redirect(302, path[..^"/back".Length])
                : Missing(site);
        }

        return broken.Kind switch
        {
            BreakKind.NotFound404 => Html(site, StaticPages.NotFound(site), 404),
            BreakKind.Gone410 => SandboxResponse.Text(410, "Gone\n"),
            BreakKind.ServerError500 => SandboxResponse.Text(500, "Internal Server Error\n"),
            BreakKind.BadGateway502 => SandboxResponse.Text(502, "Bad Gateway\n"),
            BreakKind.ConnectionReset => SandboxResponse.Dropped(),
            BreakKind.Timeout => SandboxResponse.Dropped(options.Scaled(options.TimeoutHold)),
            BreakKind.RedirectLoop => SandboxResponse.Redirect(302, broken.Target + "/back"),
            _ => Missing(site),
        };
    }

    private static SandboxResponse Missing(SiteModel site) => site.MissingPages switch
    {
        MissingPageBehaviour.SoftOk => Html(site, StaticPages.NotFound(site)),
        MissingPageBehaviour.RedirectHome => SandboxResponse.Redirect(302, "/"),
        _ => Html(site, StaticPages.NotFound(site), 404),
    };

    private static SandboxResponse Html(SiteModel site, string html, int status = 200)
    {
        var (body, type) = PageEncoder.Encode(site, html);
        return new SandboxResponse { Status = status, ContentType = type, Body = body };
    }

    private static SandboxResponse Delayed(SandboxResponse response, TimeSpan delay)
    {
        var delayed = new SandboxResponse { Status = response.Status, ContentType = response.ContentType, Body = response.Body, Delay = delay };
        delayed.Headers.AddRange(response.Headers);
        return delayed;
    }
}
