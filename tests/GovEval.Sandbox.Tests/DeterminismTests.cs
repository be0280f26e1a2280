using System.Security.Cryptography;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Tests.Support;

namespace GovEval.Sandbox.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_seed_serves_byte_identical_pages_in_any_order()
    {
        var a = Sandboxes.Create(21, 30);
        var b = Sandboxes.Create(21, 30);
        foreach (var host in a.Population.Sites.Take(4).Select(s => s.Host))
        {
            var pages = TestCrawler.Crawl(a, host, 400);
            Assert.True(pages.Count > 50, $"{host}: only {pages.Count} pages");
            // b is asked in reverse order: generation must not depend on what was asked before.
            foreach (var page in Enumerable.Reverse(pages))
            {
                var again = InProcessClient.Get(b, page.Url);
                Assert.Equal(page.Fetched.Status, again.Status);
                Assert.Equal(Digest(page.Fetched.Response), Digest(again.Response));
            }
        }
    }

    [Fact]
    public void Another_seed_serves_other_pages()
    {
        var a = Sandboxes.Create(21, 30);
        var b = Sandboxes.Create(22, 30);
        var hostA = a.Population.Sites[0].Host;
        var hostB = b.Population.Sites[0].Host;
        Assert.NotEqual(hostA, hostB);
        Assert.NotEqual(Digest(InProcessClient.Get(a, $"http://{hostA}/").Response), Digest(InProcessClient.Get(b, $"http://{hostB}/").Response));
    }

    [Fact]
    public void Every_date_on_a_page_moves_with_now()
    {
        var early = new SandboxServer(new SandboxOptions { Seed = 5, Sites = 10, Now = new DateTimeOffset(2020, 11, 30, 0, 0, 0, TimeSpan.Zero) });
        var later = new SandboxServer(new SandboxOptions { Seed = 5, Sites = 10, Now = new DateTimeOffset(2024, 3, 15, 0, 0, 0, TimeSpan.Zero) });
        var host = early.Population.Sites[0].Host;
        var column = early.Site(host)!.Columns[0];
        var first = early.Site(host)!.Item(column, 0);
        var moved = later.Site(host)!.Item(later.Site(host)!.Columns[0], 0);
        Assert.Equal(early.Today.DayNumber - first.Date.DayNumber, later.Today.DayNumber - moved.Date.DayNumber);
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(first.Title, "[0-9]", ""), System.Text.RegularExpressions.Regex.Replace(moved.Title, "[0-9]", ""));
        var page = InProcessClient.Get(later, $"http://{host}/").Text!;
        Assert.DoesNotContain("2020年", page, StringComparison.Ordinal);
    }

    private static string Digest(SandboxResponse response) =>
        Convert.ToHexString(SHA256.HashData(response.Body)) + "|" + response.ContentType + "|" + string.Join(";", response.Headers.Select(h => h.Key + "=" + h.Value));
}
