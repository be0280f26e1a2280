using System.Text;
using System.Text.RegularExpressions;
using GovEval.Sandbox.Server;

namespace GovEval.Sandbox.Tests.Support;

/// <summary>A fetched page as a browser would read it.</summary>
public sealed record Fetched(string Url, int Status, string? Text, SandboxResponse Response);

/// <summary>
/// Fetches from a sandbox without sockets: follows same-site redirects, retries transient faults as a careful
/// crawler would, and decodes HTML the way browsers do (BOM, then header charset, then meta, else GBK).
/// </summary>
public static partial class InProcessClient
{
    static InProcessClient()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static Fetched Get(SandboxServer server, string url, int retries = 8)
    {
        for (var hop = 0; hop < 20; hop++)
        {
            var uri = new Uri(url);
            SandboxResponse response = null!;
            for (var attempt = 0; attempt <= retries; attempt++)
            {
                response = server.Answer(uri.Host, new SandboxRequest("GET", uri.AbsolutePath, uri.Query, uri.Scheme == "https"));
                var transient = response.Abort && response.Delay == TimeSpan.Zero || response.Status is 500 or 502 or 503 or 429;
                if (!transient)
                {
                    break;
                }
            }

            if (response.Status is 301 or 302 && response.Headers.FirstOrDefault(h => h.Key == "Location").Value is { } location)
            {
                url = new Uri(uri, location).ToString();
                continue;
            }

            return new Fetched(url, response.Abort ? -1 : response.Status, Decode(response), response);
        }

        return new Fetched(url, -2, null, new SandboxResponse());
    }

    public static string? Decode(SandboxResponse response)
    {
        var type = response.ContentType ?? "";
        if (!type.StartsWith("text/html", StringComparison.Ordinal) || response.Body.Length == 0)
        {
            return type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal) ? Encoding.UTF8.GetString(response.Body) : null;
        }

        var body = response.Body;
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(body, 3, body.Length - 3);
        }

        var header = Charset().Match(type);
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

    [GeneratedRegex("charset=\"?([A-Za-z0-9_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
