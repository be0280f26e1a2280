using System.Text;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Server;

namespace GovEval.Collect.Tests;

/// <summary>
/// The crawler's span scanner against AngleSharp's tokenizer (the extractor it replaced): the same links, kinds,
/// texts and base on every page of a slice of the simulated web and on markup written to trip tokenizers.
/// </summary>
public sealed class LinkScannerAgreementTests
{
    [Fact]
    public void The_scanner_finds_what_a_full_tokenizer_finds_on_the_simulated_web()
    {
        var server = new SandboxServer(new SandboxOptions { Seed = 3, Sites = 40, Now = LiveSandbox.Now });
        var pages = 0;
        var linksSeen = 0;
        foreach (var entry in server.Population.Sites.Take(40))
        {
            var host = entry.Host;
            var queue = new Queue<string>(["/"]);
            var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
            var perSite = 0;
            while (queue.Count > 0 && perSite < 80)
            {
                var path = queue.Dequeue();
                var question = path.IndexOf('?');
                var response = server.Answer(host, new SandboxRequest("GET", question < 0 ? path : path[..question], question < 0 ? "" : path[question..], false));
                if (response.Status != 200 || response.ContentType?.Contains("html", StringComparison.Ordinal) != true || response.Body.Length == 0)
                {
                    continue;
                }

                var html = CharsetDetector.Decode(response.Body, CharsetDetector.Detect(response.Body, response.ContentType));
                perSite++;
                pages++;
                var expected = AngleSharpLinkOracle.Extract(html, out var expectedBase);
                var actual = LinkExtractor.Extract(html, out var actualBase);
                Assert.Equal(expectedBase, actualBase);
                Assert.Equal(Comparable(expected), Comparable(actual));
                linksSeen += actual.Count;
                foreach (var link in actual)
                {
                    if (link.Source == LinkSource.Anchor && link.Reference.StartsWith('/') && !link.Reference.StartsWith("//", StringComparison.Ordinal)
                        && seen.Add(link.Reference.Split('#')[0]))
                    {
                        queue.Enqueue(link.Reference.Split('#')[0]);
                    }
                }
            }
        }

        Assert.True(pages > 500, $"only {pages} pages compared");
        Assert.True(linksSeen > 10 * pages, $"only {linksSeen} links on {pages} pages");
    }

    [Fact]
    public void Mangled_pages_are_read_alike()
    {
        // Sandbox pages with stray markup characters spliced in: quotes, brackets, dashes and references where
        // a hand-written scanner would most likely part ways with the tokenizer.
        var server = new SandboxServer(new SandboxOptions { Seed = 4, Sites = 40, Now = LiveSandbox.Now });
        var random = new Random(7);
        const string junk = "<>\"'=/!-&;# ?aZ\n";
        var compared = 0;
        foreach (var entry in server.Population.Sites)
        {
            var response = server.Answer(entry.Host, new SandboxRequest("GET", "/", "", false));
            if (response.Status != 200 || response.Body.Length == 0)
            {
                continue;
            }

            var html = CharsetDetector.Decode(response.Body, CharsetDetector.Detect(response.Body, response.ContentType));
            for (var round = 0; round < 200; round++)
            {
                var mangled = new StringBuilder(html);
                for (var k = 0; k < 1 + random.Next(6); k++)
                {
                    var at = random.Next(mangled.Length);
                    var piece = new string(Enumerable.Range(0, 1 + random.Next(4)).Select(_ => junk[random.Next(junk.Length)]).ToArray());
                    mangled.Insert(at, piece);
                }

                // AngleSharp drops the ';' of "&;", which the standard keeps (asserted below): not compared here.
                var text = mangled.ToString().Replace("&;", "&:", StringComparison.Ordinal);
                var expected = AngleSharpLinkOracle.Extract(text, out var expectedBase);
                var actual = LinkExtractor.Extract(text, out var actualBase);
                Assert.Equal(expectedBase, actualBase);
                Assert.Equal(Comparable(expected), Comparable(actual));
                compared++;
            }
        }

        Assert.True(compared >= 1600, $"only {compared} mangled pages");
    }

    [Theory]
    [InlineData("<a href=/a.html>A</a><A HREF='/b.html' HREF=/ignored.html>B</A><a href = \"/c.html\" >C</a>")]
    [InlineData("<a href=/x.html?a=1&amp;b=2&copy=3&lt=4&notit;=5>x</a><img src=\"/i.png?&#x26;&#38;&#128;\" alt=\"&lt;图&gt;&nbsp;\">")]
    [InlineData("<script>var s = '<a href=\"/in-script.html\">';</script><a href=/after.html>after</a>")]
    [InlineData("<script><!-- document.write('<script>x</script>'); <a href=/escaped.html> --></script><a href=/real.html>r</a>")]
    [InlineData("<script><!--<script></script><a href=/double.html></script>--></script><a href=/after-double.html>d</a>")]
    [InlineData("<!-- <a href=/commented.html> --!><a href=/uncommented.html>u</a><!--><a href=/short.html>s</a><!---><a href=/s2.html>s2</a>")]
    [InlineData("<!DOCTYPE html><?xml x?><![CDATA[<a href=/cdata.html>]]><a href=/ok.html>ok</a></ ><a href=/x.html>x</a>")]
    [InlineData("<style>a{background:url(/no.png)} </style ><a href=/style-ended.html>e</a><textarea><a href=/ta.html></textarea><title><a href=/t.html></title>")]
    [InlineData("<iframe src=/frame.html title=' 框架 '><a href=/inside-iframe.html></iframe><xmp><a href=/xmp.html></xmp><a href=/y.html>y</a>")]
    [InlineData("<a href=/one.html>one <b>bold</b> <!-- c --> two<a href=/two.html>nested</a></area>")]
    [InlineData("<a\nhref\n=\n/spaced.html\n>sp</a><a href=/unquoted/ok.html/>slash</a><a href=\"/unterminated.html>never")]
    [InlineData("<meta http-equiv=REFRESH content=\"0; URL = '/go.html'\"><base href=/b/><base href=/ignored/><link rel=\"Alternate Stylesheet\" href=/alt.css><form action=/s method=post>")]
    [InlineData("<a href=/t.html>  多个   空白\n\t和&#x3000;全角 &amp; 实体  </a><a href=/empty.html>   </a><a href='  /trimmed.html  '>t</a><a href=''>none</a>")]
    [InlineData("a < b and 3<4 <a href=/lt.html>lt</a> <1a href=/no.html> </a")]
    [InlineData("<SCRIPT SRC=/upper.js></SCRIPT><scriPt>if (a</scripty) {}</ScRiPt><a href=/mixed.html>m</a>")]
    [InlineData("<NOEMBED><a href=/ne.html></NOEMBED><NoFrames><a href=/nf.html></noframes><TITLE><a href=/tt.html></title><TEXTAREA><a href=/txa.html></TextArea><XMP><a href=/xm.html></xmp><Span><a href=/real.html>r</a></Span><Sub><a href=/sub.html>s</a></Sub><p><a href=/p.html>p</a>")]
    public void Tricky_markup_is_read_as_browsers_read_it(string html)
    {
        var expected = AngleSharpLinkOracle.Extract(html, out var expectedBase);
        var actual = LinkExtractor.Extract(html, out var actualBase);
        Assert.Equal(expectedBase, actualBase);
        Assert.Equal(Comparable(expected), Comparable(actual));
    }

    [Fact]
    public void References_in_attributes_follow_the_legacy_rules()
    {
        var links = LinkExtractor.Extract("<a href='/q?a=1&amp;b=2&copy=3&notit;&#x41;&#0;&bogus;&;'>x</a>", out _);
        Assert.Equal("/q?a=1&b=2&copy=3&notit;A\uFFFD&bogus;&;", links[0].Reference);
        Assert.Equal("x", links[0].Text);
    }

    [Fact]
    public void Script_text_inside_an_anchor_is_not_its_text_and_plaintext_ends_markup()
    {
        var links = LinkExtractor.Extract("<a href=/a.html>政务<script>var x = 1;</script>公开</a><plaintext><a href=/never.html>", out _);
        var link = Assert.Single(links);
        Assert.Equal("政务公开", link.Text);
    }

    private static List<string> Comparable(IReadOnlyList<ExtractedLink> links) =>
        links.Select(l => $"{l.Source} {l.Reference} [{Cut(l.Text)}]").ToList();

    // Both cut long anchor texts near 200 characters, at different points.
    private static string? Cut(string? text) => text is null ? null : text.Length > 150 ? text[..150] : text;
}
