using System.Text;
using CsCheck;
using GovEval.Collect.Probes;

namespace GovEval.Checks.Tests.Hostile;

/// <summary>
/// Random and mutated pages through what <c>goveval check</c> runs on a page: the crawler's link extraction, the
/// search probe's reading of the homepage, and every check family. Whatever the markup (deep nesting, huge
/// attributes, thousands of links, broken tags and comments, stray references and odd characters), nothing throws
/// and every family finishes. Each property runs for a bounded time (the suite's fuzzing stays under two minutes).
/// </summary>
public sealed class HtmlFuzzTests
{
    private static readonly CheckOptions Patient = ShippedRules.Options with { PageParseTimeout = TimeSpan.FromMinutes(2) };

    private static readonly string[] Words = ["政务公开", "通知公告", "办理地点：", "发布时间：2024-05-30", "2024年5月31日", "[05-30]", "主办单位", "闽ICP备12345678号",
        "留言时间：2024-01-02", "待回复", "办事指南", "13800138000", "&amp;", "&#x4e2d;", "&#0;", "&nbsp", "&notin", "\u202e", "\u200b", "\0", "\uFFFD", "𠀀", " ", "\n", "<", ">", "\"", "'"];

    private static readonly string[] Tags = ["a", "li", "ul", "ol", "tr", "td", "th", "table", "div", "p", "b", "span", "form", "input", "dl", "dt", "dd",
        "h2", "strong", "label", "nav", "footer", "header", "script", "style", "textarea", "title", "iframe", "svg", "template", "select", "img", "meta", "base"];

    private static readonly string[] Attributes = ["href=\"/a/1.html\"", "href='/x?a=1&b=2#f'", "href=/y.html", "href=\"javascript:void(0)\"", "href=\"http://other.example.com/\"",
        "href=\"//cdn.example.gov.cn/z.pdf\"", "class=\"nav\"", "class=\"footer\"", "class=\"row\"", "class=\"crumb\"", "id=\"menu\"", "hidden", "style=\"display:none\"",
        "name=\"SiteIDCode\" content=\"3501000001\"", "name=\"PubDate\" content=\"2024-05-30 10:00\"", "name=\"ColumnName\" content=\"通知公告\"", "action=\"/search\"",
        "name=\"q\"", "src=\"http://x/i.png\"", "title=\"办事服务\"", "http-equiv=\"refresh\" content=\"0;url=/next.html\"", "href=\"", "class='online", "a=b=c"];

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (4, Gen.OneOf(Words)),
        (3, from tag in Gen.OneOf(Tags) from attributes in Gen.OneOf(Attributes).Array[0, 3] select $"<{tag} {string.Join(' ', attributes)}>"),
        (2, Gen.OneOf(Tags).Select(tag => $"</{tag}>")),
        (1, Gen.OneOf("<!--", "-->", "--!>", "<!-- c -->", "<![CDATA[", "<!DOCTYPE html>", "<?xml?>", "</", "<a", "<br/>", "<p/>")),
        (1, from c in Gen.Char['\u0000', '\uffff'] from n in Gen.Int[1, 40] select new string(c, n)));

    /// <summary>Markup of random pieces, and now and then a run of one piece repeated (depth, many links).</summary>
    private static readonly Gen<string> RandomPage =
        from pieces in Gen.Frequency(
            (6, Fragment.Array[0, 300].Select(string.Concat)),
            (1, from piece in Fragment from n in Gen.Int[100, 3000] select string.Concat(Enumerable.Repeat(piece, n))),
            (1, from n in Gen.Int[1, 3000] select string.Concat(Enumerable.Repeat("<div><span><a href=\"/d.html\">深</a>", n))),
            (1, from n in Gen.Int[1000, 200_000] select "<a href=\"/" + new string('x', n) + "\" title=\"" + new string('标', n) + "\">t</a>"))
        from head in Gen.Bool
        select head ? "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + pieces : pieces;

    private static readonly string[] Fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures"), "*.html", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    /// <summary>A real-looking page (a fixture) cut, repeated, spliced with random markup or with another fixture.</summary>
    private static readonly Gen<string> MutatedPage =
        from page in Gen.OneOf(Fixtures)
        from other in Gen.OneOf(Fixtures)
        from mutations in Gen.Int[0, int.MaxValue].Array[1, 6]
        from inserts in Fragment.Array[6]
        select Mutate(page, other, mutations, inserts);

    private static string Mutate(string page, string other, int[] mutations, string[] inserts)
    {
        var text = new StringBuilder(page);
        for (var i = 0; i < mutations.Length; i++)
        {
            var m = mutations[i];
            var at = text.Length == 0 ? 0 : m % text.Length;
            var length = Math.Min(text.Length - at, (m / 7) % 400);
            switch (m % 5)
            {
                case 0:
                    text.Remove(at, length);
                    break;
                case 1:
                    text.Insert(at, inserts[i]);
                    break;
                case 2:
                    var piece = text.ToString(at, length);
                    for (var k = 0; k < (m / 3) % 200; k++)
                    {
                        text.Insert(at, piece);
                    }

                    break;
                case 3:
                    text.Length = at;
                    break;
                default:
                    text.Insert(at, other);
                    break;
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Random_markup_goes_through_extraction_and_every_check() =>
        RandomPage.Sample(Survives, iter: 100_000, time: 9, threads: 1);

    [Fact]
    public void Mutated_real_pages_go_through_extraction_and_every_check() =>
        MutatedPage.Sample(Survives, iter: 100_000, time: 9, threads: 1);

    private static void Survives(string html)
    {
        var site = CrawledPage.Site(html, maxLinks: 500);
        Assert.True(site.Links.Count <= 500);
        var home = new Uri(CrawledPage.Home);
        SearchProber.NewestItem(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), home, DateOnly.FromDateTime(CrawledPage.Now.Date));
        var result = SiteChecks.Run(site, Patient);

        // Every family ran: the families that always measure something did.
        Assert.True(result.Measurements.ContainsKey("links.total"));
        Assert.True(result.Measurements.ContainsKey("content.pages"));
        Assert.True(result.Measurements.ContainsKey("meta.itemPages"));
    }
}
