using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Finds links with AngleSharp's tokenizer instead of a DOM: the crawler only needs tag attributes, and building
/// a tree for every page costs more than fetching it. Checks parse their own DOM later from the stored HTML.
/// Script, style, title and textarea contents are switched to their raw modes, so markup inside them is not read as links.
/// </summary>
public static class LinkExtractor
{
    private const int MaxTextLength = 200;

    public static IReadOnlyList<ExtractedLink> Extract(string html, out string? baseHref)
    {
        var links = new List<ExtractedLink>();
        baseHref = null;
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        StringBuilder? anchorText = null;
        var anchorIndex = -1;

        while (true)
        {
            var token = tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    CloseAnchor(links, ref anchorIndex, ref anchorText);
                    return links;
                case HtmlTokenType.Character when anchorText is not null:
                    if (anchorText.Length < MaxTextLength)
                    {
                        anchorText.Append(token.Data);
                    }

                    continue;
                case HtmlTokenType.EndTag when token.Name is "a" or "area":
                    CloseAnchor(links, ref anchorIndex, ref anchorText);
                    continue;
                case HtmlTokenType.StartTag:
                    break;
                default:
                    continue;
            }

            var tag = (HtmlTagToken)token;
            switch (tag.Name)
            {
                case "a":
                    CloseAnchor(links, ref anchorIndex, ref anchorText);
                    if (Attribute(tag, "href") is { } href)
                    {
                        anchorIndex = links.Count;
                        links.Add(new ExtractedLink(href, LinkSource.Anchor, null));
                        anchorText = new StringBuilder();
                    }

                    break;
                case "area":
                    Add(links, Attribute(tag, "href"), LinkSource.Area, tag.GetAttribute("alt"));
                    break;
                case "img":
                    Add(links, Attribute(tag, "src"), LinkSource.Image, tag.GetAttribute("alt"));
                    break;
                case "script":
                    Add(links, Attribute(tag, "src"), LinkSource.Script, null);
                    tokenizer.State = HtmlParseMode.Script;
                    break;
                case "link":
                    var rel = tag.GetAttribute("rel")?.ToLowerInvariant() ?? "";
                    Add(links, Attribute(tag, "href"), rel.Contains("stylesheet", StringComparison.Ordinal) ? LinkSource.Stylesheet : LinkSource.Other, null);
                    break;
                case "iframe" or "frame":
                    Add(links, Attribute(tag, "src"), LinkSource.Frame, tag.GetAttribute("title"));
                    if (tag.Name == "iframe")
                    {
                        tokenizer.State = HtmlParseMode.Rawtext;
                    }

                    break;
                case "form":
                    // A form without action submits to its own page: no link.
                    Add(links, Attribute(tag, "action"), LinkSource.Form, tag.GetAttribute("method"));
                    break;
                case "meta" when string.Equals(tag.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase):
                    Add(links, RefreshTarget(tag.GetAttribute("content")), LinkSource.MetaRefresh, null);
                    break;
                case "base" when baseHref is null:
                    baseHref = Attribute(tag, "href");
                    break;
                case "style" or "xmp" or "noembed" or "noframes":
                    tokenizer.State = HtmlParseMode.Rawtext;
                    break;
                case "title" or "textarea":
                    tokenizer.State = HtmlParseMode.RCData;
                    break;
            }
        }
    }

    private static void CloseAnchor(List<ExtractedLink> links, ref int index, ref StringBuilder? text)
    {
        if (index >= 0 && text is not null)
        {
            var value = Collapse(text);
            links[index] = links[index] with { Text = value.Length == 0 ? null : value };
        }

        index = -1;
        text = null;
    }

    private static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static string? Attribute(HtmlTagToken tag, string name)
    {
        var value = tag.GetAttribute(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static void Add(List<ExtractedLink> links, string? reference, LinkSource source, string? text)
    {
        if (reference is not null)
        {
            links.Add(new ExtractedLink(reference, source, string.IsNullOrWhiteSpace(text) ? null : text.Trim()));
        }
    }

    /// <summary>"5; url=/next.html" → "/next.html" (quotes and spacing as browsers accept them).</summary>
    public static string? RefreshTarget(string? content)
    {
        if (content is null)
        {
            return null;
        }

        var index = content.IndexOf("url", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var rest = content[(index + 3)..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return null;
        }

        rest = rest[1..].Trim().Trim('"', '\'').Trim();
        return rest.Length == 0 ? null : rest;
    }
}
