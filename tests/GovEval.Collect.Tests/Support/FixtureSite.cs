using System.Net;
using System.Text;

namespace GovEval.Collect.Tests.Support;

/// <summary>
/// A small site made of pages written in the test: the page function gets a request's path and query and gives
/// the HTML, or null for a 404. Served on loopback by <see cref="LoopbackListener"/>; counts the requests per path.
/// </summary>
public sealed class FixtureSite : IDisposable
{
    private readonly HttpListener listener;
    private readonly Dictionary<string, int> requests = new(StringComparer.Ordinal);

    public FixtureSite(Func<string, string, string?> page)
    {
        listener = LoopbackListener.Start(async context =>
        {
            var url = context.Request.Url!;
            lock (requests)
            {
                requests[url.PathAndQuery] = requests.GetValueOrDefault(url.PathAndQuery) + 1;
            }

            var html = url.AbsolutePath == "/robots.txt" ? null : page(url.AbsolutePath, url.Query.TrimStart('?'));
            context.Response.StatusCode = html is null ? 404 : 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(html ?? "<html><body>404</body></html>"));
            context.Response.Close();
        }, out var port);
        Url = $"http://127.0.0.1:{port}/";
    }

    /// <summary>The homepage, http://127.0.0.1:PORT/.</summary>
    public string Url { get; }

    public int Requests(string pathAndQuery)
    {
        lock (requests)
        {
            return requests.GetValueOrDefault(pathAndQuery);
        }
    }

    public void Dispose() => listener.Close();

    /// <summary>A government page's frame: navigation with 首页 (the homepage) around the body.</summary>
    public static string Page(string body) =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>示范</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>{body}</body></html>";
}
