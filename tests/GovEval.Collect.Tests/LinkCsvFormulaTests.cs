using System.Text;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.LinkCheck;

namespace GovEval.Collect.Tests;

/// <summary>
/// goveval-links writes what a crawled site wrote (link texts, addresses, the site's error texts): a field a
/// spreadsheet would run as a formula is guarded exactly as the release's CSV guards it, in process and in the
/// native executable.
/// </summary>
public sealed class LinkCsvFormulaTests
{
    private static readonly string[] Leads = ["=", "+", "-", "@", "\t", "\r"];

    // Each link's text and href start with a character a spreadsheet reads as the start of a formula.
    private const string Page = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>恶意链接</title></head><body>
        <a href="=HYPERLINK(&quot;http://evil.example/&quot;,&quot;x&quot;)">=HYPERLINK("http://evil.example/","点击")</a>
        <a href="=cmd|' /C calc'!A0">=cmd|' /C calc'!A0</a>
        <a href="+1+cmd|' /C calc'!A0">+1+cmd|' /C calc'!A0</a>
        <a href="-2+3+cmd|' /C calc'!A0">-2+3+cmd|' /C calc'!A0</a>
        <a href="@SUM(1+1)*cmd|' /C calc'!A0">@SUM(1+1)*cmd|' /C calc'!A0</a>
        <a href="&#9;=1+1">&#9;=1+1 制表符</a>
        <a href="&#13;=1+1">&#13;=1+1 回车</a>
        <a href="/ok.html">正常链接</a>
        </body></html>
        """;

    [Fact]
    public void Every_field_that_starts_like_a_formula_is_guarded()
    {
        foreach (var lead in Leads)
        {
            var hostile = lead + "HYPERLINK(\"http://evil.example/\",\"点击\")";
            var link = new LinkObservation(hostile, hostile, LinkSource.Anchor, hostile, true,
                new FetchOutcome(hostile, FetchStatus.HttpError, 404, hostile, [], null, null, TimeSpan.Zero, hostile, null));
            var row = Assert.Single(Csv.Read(LinkCsv.Header + "\n" + LinkCsv.Row(link) + "\n"));
            foreach (var field in new[] { "page", "target", "text", "error" })
            {
                Assert.Equal("'" + hostile, row[field]);
            }

            Assert.Equal("404", row["http_status"]);
        }
    }

    [Fact]
    public async Task A_hostile_page_reaches_the_csv_guarded_in_process()
    {
        using var server = Serve(out var home);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await LinkCheckCommand.RunAsync([home, "--all", "--no-sitemap", "--no-politeness", "--timeout", "5"], stdout, stderr);
        AssertGuarded(new LinkCheckRun(exit, stdout.ToString(), stderr.ToString()));
    }

    [Fact]
    public async Task A_hostile_page_reaches_the_csv_guarded_in_the_native_executable()
    {
        using var server = Serve(out var home);
        AssertGuarded(await NativeLinks.RunAsync([home, "--all", "--no-sitemap", "--no-politeness", "--timeout", "5"]));
    }

    private static void AssertGuarded(LinkCheckRun run)
    {
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        var rows = run.Rows;
        var texts = rows.Select(r => r["text"]).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example/\",\"点击\")", texts);
        Assert.Contains("'=cmd|' /C calc'!A0", texts);
        Assert.Contains("'+1+cmd|' /C calc'!A0", texts);
        Assert.Contains("'-2+3+cmd|' /C calc'!A0", texts);
        Assert.Contains("'@SUM(1+1)*cmd|' /C calc'!A0", texts);
        Assert.Contains("正常链接", texts);
        foreach (var row in rows)
        {
            foreach (var (name, value) in row)
            {
                Assert.False(value.Length > 0 && Leads.Contains(value[..1]), $"{name} '{value}' starts like a formula");
            }
        }
    }

    private static IDisposable Serve(out string home)
    {
        var body = Encoding.UTF8.GetBytes(Page);
        var listener = LoopbackListener.Start(async context =>
        {
            var path = context.Request.Url!.AbsolutePath;
            context.Response.StatusCode = path is "/" or "/ok.html" ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(path == "/" ? body : "<html><body>页面</body></html>"u8.ToArray());
            context.Response.Close();
        }, out var port);
        home = $"http://127.0.0.1:{port}/";
        return listener;
    }
}
