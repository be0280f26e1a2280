using GovEval.Collect.Crawling;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

public sealed class LinkExtractorTests
{
    [Fact]
    public void Every_kind_of_link_is_found_even_in_malformed_markup()
    {
        const string html = """
            <html><head><base href="/base/"><meta http-equiv="refresh" content="5; URL='/next.html'">
            <link rel=stylesheet href=/css/a.css><script src="/js/a.js"></script>
            <script>document.write('<a href="/not-a-link.html">x</a>');</script>
            <style>a[href="/neither.html"] {}</style></head>
            <body><p>unclosed <a href=/news/1.html>新闻 <b>一</b></a></p></div></span>
            <img src=logo.png alt=标志><map><area href="/map.html" alt="地图"></map>
            <iframe src="https://other.gov.cn/frame.html"></iframe>
            <form action="/search" method="get"><input name=q></form>
            <a href="#top">top</a><a>no href</a>
            </body></html>
            """;
        var links = LinkExtractor.Extract(html, out var baseHref);
        Assert.Equal("/base/", baseHref);
        Assert.Contains(new ExtractedLink("/news/1.html", LinkSource.Anchor, "新闻 一"), links);
        Assert.Contains(links, l => l is { Reference: "/next.html", Source: LinkSource.MetaRefresh });
        Assert.Contains(links, l => l is { Reference: "/css/a.css", Source: LinkSource.Stylesheet });
        Assert.Contains(links, l => l is { Reference: "/js/a.js", Source: LinkSource.Script });
        Assert.Contains(links, l => l is { Reference: "logo.png", Source: LinkSource.Image, Text: "标志" });
        Assert.Contains(links, l => l is { Reference: "/map.html", Source: LinkSource.Area });
        Assert.Contains(links, l => l is { Reference: "https://other.gov.cn/frame.html", Source: LinkSource.Frame });
        Assert.Contains(links, l => l is { Reference: "/search", Source: LinkSource.Form });
        Assert.DoesNotContain(links, l => l.Reference.Contains("not-a-link") || l.Reference.Contains("neither"));
    }

    [Fact]
    public void An_anchor_text_read_again_is_the_same_string()
    {
        // The navigation repeats on every page of a site: its texts are kept once, not once a page.
        var first = LinkExtractor.Extract("<ul><li><a href=/>首页</a><li><a href=/p/1.html>通知  公告</a></ul>", out _);
        var second = LinkExtractor.Extract("<div><a href=/index.html>首页</a><a href=/p/2.html>通知 公告</a><a href=/p/3.html>政策</a></div>", out _);
        Assert.Equal(["首页", "通知 公告"], first.Select(l => l.Text));
        Assert.Same(first[0].Text, second[0].Text);
        Assert.Same(first[1].Text, second[1].Text);
        Assert.Equal("政策", second[2].Text);
    }

    [Fact]
    public void Fragments_are_dropped_and_nothing_meaningful_is_changed()
    {
        var page = new Uri("HTTP://WWW.GD.GOV.CN:80/a/b.html");
        Assert.Equal("http://www.gd.gov.cn/a/C.html?X=1&a=2", CrawlUrl.Resolve(page, "C.html?X=1&a=2#frag"));
        Assert.Null(CrawlUrl.Resolve(page, "#top"));
        Assert.Null(CrawlUrl.Resolve(page, "javascript:void(0)"));
        Assert.Null(CrawlUrl.Resolve(page, "mailto:a@b.cn"));
    }

    [Fact]
    public void A_host_that_idna_refuses_is_kept_as_written_not_thrown()
    {
        // HtmlFuzzTests met these in mutated pages: Uri accepts the host, its IdnHost throws.
        var page = new Uri("http://www.gd.gov.cn/a/b.html");
        Assert.Equal("http://\u0378x.com/", CrawlUrl.Resolve(page, "http://\u0378x.com/"));
        Assert.Equal("http://\uffffa.com/p", CrawlUrl.Resolve(page, "http://\uffffa.com/p"));
    }
}

public sealed class LinkResolverTests
{
    [Theory]
    [InlineData("/p/1.html")]
    [InlineData("/p/1.html#top")]
    [InlineData("/search?q=a&p=2")]
    [InlineData("/a/./b.html")]
    [InlineData("/a/../b.html")]
    [InlineData("//other.gov.cn/x.html")]
    [InlineData("/中文/页面.html")]
    [InlineData("/a%20b.html")]
    [InlineData("/files/a.PDF")]
    [InlineData("rel/x.html")]
    [InlineData("/x.html?")]
    [InlineData("/")]
    public void The_fast_path_gives_what_uri_resolution_gives(string reference)
    {
        var page = new Uri("https://www.gd.gov.cn/zwgk/index.html");
        var resolver = new LinkResolver(new CrawlScope(page, []));
        var links = resolver.Resolve([new ExtractedLink(reference, GovEval.Core.Observations.LinkSource.Anchor, null)], page, null);
        Assert.Equal(CrawlUrl.Resolve(page, reference), links.Single().Target);
    }
}
