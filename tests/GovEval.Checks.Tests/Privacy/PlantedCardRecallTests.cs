using AngleSharp.Html.Parser;
using GovEval.Checks.Privacy;
using GovEval.Checks.Tests.Text;
using GovEval.Checks.Text;
using GovEval.Sandbox.Server;
using Xunit.Abstractions;

namespace GovEval.Checks.Tests.Privacy;

/// <summary>
/// Card by card, not page by page: every bank card the simulated web plants unmasked in a 公示 list is found, and
/// no other number of its pages is called a card. The reading of context (codes, organisations' accounts) must not
/// cost the real cards.
/// </summary>
public sealed class PlantedCardRecallTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(7, 30)]
    public void Every_planted_card_is_found_and_nothing_else_is_a_card(long seed, int sites)
    {
        var now = new DateTimeOffset(2020, 11, 30, 10, 0, 0, TimeSpan.Zero);
        var today = DateOnly.FromDateTime(now.Date);
        var server = new SandboxServer(new SandboxOptions { Seed = seed, Sites = sites, Now = now, DelayScale = 0.01 });
        var parser = new HtmlParser();
        var (planted, found, extra) = (0, 0, new List<string>());
        foreach (var site in server.Truth().Sites)
        {
            foreach (var page in SandboxAnswerCrawler.Collect(server, site.Host, now).Pages.Where(p => p.Html is not null))
            {
                var document = parser.ParseDocument(page.Html!);
                var cards = document.QuerySelectorAll("table.public-list tr").Select(r => r.QuerySelectorAll("td").ElementAtOrDefault(3)?.TextContent.Trim())
                    .Where(c => c is { Length: >= 16 } && c.All(char.IsAsciiDigit)).Select(c => Luhn.Mask(c!)).ToHashSet();
                var hits = PiiScanner.Find(PageText.Of(document), today).Where(h => h.Kind == PiiKind.BankCard).Select(h => h.Masked).ToHashSet();
                planted += cards.Count;
                found += cards.Count(hits.Contains);
                extra.AddRange(hits.Except(cards).Select(h => $"{page.Url}: {h}"));
            }
        }

        output.WriteLine($"seed {seed}: {planted} planted cards, {found} found (recall {(planted == 0 ? 1 : (double)found / planted):F3}), {extra.Count} other numbers called cards");
        Assert.True(planted > 0, "the simulated web planted no card to find");
        Assert.Equal(planted, found);
        Assert.Empty(extra);
    }
}
