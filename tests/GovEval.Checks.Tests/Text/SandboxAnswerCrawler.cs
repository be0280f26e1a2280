using System.Text;
using AngleSharp.Html.Parser;
using GovEval.Core.Observations;
using GovEval.Sandbox.Server;

namespace GovEval.Checks.Tests.Text;

/// <summary>
/// A stand-in collector for measuring these families against the sandbox's truth until the real SiteCollector
/// lands: it asks <see cref="SandboxServer.Answer"/> (no sockets, so no TLS or IPv6 facts) and walks the
/// homepage, the pages it links and the pages those link (where every planted page defect sits), decoding
/// bodies the way browsers do (BOM, then header, then meta, then UTF-8 or GB18030).
/// </summary>
public static partial class SandboxAnswerCrawler
{
    private static readonly HtmlParser Parser = new();

    static SandboxAnswerCrawler() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SiteObservation Collect(SandboxServer server, string host, DateTimeOffset now, int maxDepth = 2)
    {
        var homepage = $"http://{host}/";
        var pages = new List<PageObservation>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { homepage };
        var queue = new Queue<(string Url, int Depth)>();
        queue.Enqueue((homepage, 0));
        while (queue.Count > 0)
        {
            var (url, depth) = queue.Dequeue();
            var (outcome, headers, html) = Fetch(server, host, url);
            pages.Add(new PageObservation(url, outcome, headers, html, null, depth, null, now));
            if (html is null || depth >= maxDepth)
            {
                continue;
            }

            var baseUri = new Uri(outcome.FinalUrl ?? url);
            var document = Parser.ParseDocument(html);
            var hrefs = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Concat(document.Scripts.SelectMany(s => ScriptUrl().Matches(s.Text).Select(m => m.Groups[1].Value)));
            foreach (var href in hrefs)
            {
                if (!Uri.TryCreate(baseUri, href, out var target) || !target.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
                    || target.Query.Length > 0 || Skipped(target.AbsolutePath))
                {
                    continue;
                }

                var next = $"{target.Scheme}://{target.Host}{target.AbsolutePath}";
                if (seen.Add(UrlNormalizer.Normalize(next).Replace("https://", "http://", StringComparison.Ordinal)))
                {
                    queue.Enqueue((next, depth + 1));
                }
            }
        }

        var missing = Fetch(server, host, $"http://{host}/goveval-probe-{host.Length * 7919 % 100000}-missing.html").Outcome;
        return new SiteObservation(homepage, now, pages, [], [], null, null, missing, []);
    }

    // Lists some CMSs fill by script keep their entries in an inline listData array: a browser would follow them.
    [System.Text.RegularExpressions.GeneratedRegex("\"url\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ScriptUrl();

    private static bool Skipped(string path) =>
        path.StartsWith("/print/", StringComparison.Ordinal) || path.StartsWith("/go/", StringComparison.Ordinal)
        || path.StartsWith("/old/", StringComparison.Ordinal) || path.StartsWith("/hdjl/calendar", StringComparison.Ordinal)
        || path.StartsWith("/zwgk/sjfb/", StringComparison.Ordinal) || path.StartsWith("/search", StringComparison.Ordinal)
        || path.StartsWith("/zt/", StringComparison.Ordinal) || path.Contains("/index_", StringComparison.Ordinal)
        || Path.GetExtension(path) is ".pdf" or ".doc" or ".docx" or ".xls" or ".xlsx" or ".png" or ".jpg" or ".css" or ".js" or ".zip";

    private static (FetchOutcome Outcome, IReadOnlyDictionary<string, string> Headers, string? Html) Fetch(SandboxServer server, string host, string url)
    {
        var redirects = new List<Redirect>();
        var current = new Uri(url);
        for (var hop = 0; hop < 12; hop++)
        {
            SandboxResponse? response = null;
            for (var attempt = 0; attempt < 6; attempt++)
            {
                response = server.Answer(host, new SandboxRequest("GET", current.AbsolutePath, current.Query, current.Scheme == "https"));
                if (!response.Abort && response.Status is not (429 or 500 or 502 or 503))
                {
                    break;
                }
            }

            var headers = response!.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
            if (response.Status is 301 or 302 or 303 or 307 or 308 && headers.TryGetValue("Location", out var location))
            {
                var next = new Uri(current, location);
                redirects.Add(new Redirect(current.ToString(), next.ToString(), response.Status));
                current = next;
                continue;
            }

            var final = current.ToString();
            if (response.Abort || response.Stream is not null || headers.ContainsKey("Content-Encoding"))
            {
                return (new FetchOutcome(url, FetchStatus.Skipped, null, final, redirects, null, null, TimeSpan.Zero, "not read", null), headers, null);
            }

            var status = response.Status is >= 200 and < 300 ? FetchStatus.Ok : FetchStatus.HttpError;
            var isHtml = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            var html = status == FetchStatus.Ok && isHtml ? Decode(response.Body, response.ContentType) : null;
            return (new FetchOutcome(url, status, response.Status, final, redirects, response.ContentType, response.Body.Length, TimeSpan.Zero, null, null), headers, html);
        }

        return (new FetchOutcome(url, FetchStatus.RedirectLoop, null, current.ToString(), redirects, null, null, TimeSpan.Zero, "too many redirects", null), new Dictionary<string, string>(), null);
    }

    private static string Decode(byte[] body, string? contentType)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(body, 3, body.Length - 3);
        }

        var label = Label(contentType) ?? Label(Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 2048)));
        if (label is null)
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(body);
            }
            catch (DecoderFallbackException)
            {
                return Encoding.GetEncoding("GB18030").GetString(body);
            }
        }

        // Browsers read gb2312 and gbk labels as GBK, whose superset GB18030 decodes the same bytes.
        return label is "utf-8" or "utf8" ? Encoding.UTF8.GetString(body) : Encoding.GetEncoding("GB18030").GetString(body);
    }

    private static string? Label(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var at = text.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var value = new string(text[(at + 8)..].TrimStart('"', '\'').TakeWhile(c => char.IsLetterOrDigit(c) || c == '-').ToArray());
        return value.Length == 0 ? null : value.ToLowerInvariant();
    }
}
