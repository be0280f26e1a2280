using System.Text;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;

namespace GovEval.Collect.Tests;

/// <summary>A page's Content-Type is kept as sent and read the way browsers read it, even where a strict parser gives up.</summary>
public sealed class ContentTypeTests
{
    [Theory]
    [InlineData("text/html; charset=\"utf-8", "utf-8")]
    [InlineData("TEXT/HTML;charset=GBK", "gbk")]
    [InlineData("text/html;;charset=utf-8", "utf-8")]
    public async Task A_loosely_written_html_type_still_gives_the_page_text_in_its_charset(string contentType, string charset)
    {
        var encoding = CharsetDetector.ForLabel(charset)!.Value.Encoding;
        var body = encoding.GetBytes("<html><body><p>政务公开</p></body></html>");
        using var server = LoopbackListener.Start(async context =>
        {
            context.Response.Headers["Content-Type"] = contentType;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }, out var port);
        using var fetcher = new Fetcher(new FetchOptions { Politeness = false, RespectRobots = false });

        var result = await fetcher.FetchAsync($"http://127.0.0.1:{port}/", FetchRequest.CrawlPage(null));

        Assert.Equal(contentType, result.Outcome.ContentType);
        Assert.Equal(charset, result.Charset);
        Assert.Contains("政务公开", result.Html, StringComparison.Ordinal);
    }
}
