using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;
using GovEval.Core.Observations;

using GovEval.Collect.Crawling;

namespace GovEval.Collect.Tests.Support;

/// <summary>
/// The crawler's former link extractor, on AngleSharp's tokenizer: kept as an independent oracle that
/// <see cref="LinkExtractor"/>'s own scanner must agree with on every page of the simulated web.
/// </summary>
public static class AngleSharpLinkOracle
{
    private const int MaxTextLength = 200;

    private static readonly ShouldEmitAttribute Wanted = static (ref StructHtmlToken _, ReadOnlyMemory<char> name) => IsWanted(name.Span);

    public static IReadOnlyList<ExtractedLink> Extract(string html, out string? baseHref)
    {
        var links = new List<ExtractedLink>(32);
        baseHref = null;
        var tokenizer = new HtmlTokenizer(new TextSource(new ReadOnlyMemoryTextSource(html.AsMemory())), HtmlEntityProvider.Resolver)
        {
            // Text matters only inside anchors; attributes only when a link or its meaning may be in them.
            SkipDataText = true,
            ShouldEmitAttribute = Wanted,
            SkipComments = true,
        };
        StringBuilder? anchorText = null;
        var anchorIndex = -1;

        while (true)
        {
            var token = tokenizer.GetStructToken();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    CloseAnchor(links, ref anchorIndex, ref anchorText);
                    return links;
                case HtmlTokenType.Character when anchorText is not null:
                    if (anchorText.Length < MaxTextLength)
                    {
                        anchorText.Append(((ReadOnlyMemory<char>)token.Data).Span);
                    }

                    continue;
                case HtmlTokenType.EndTag when token.Name == "a" || token.Name == "area":
                    CloseAnchor(links, ref anchorIndex, ref anchorText);
                    tokenizer.SkipDataText = true;
                    continue;
                case HtmlTokenType.StartTag:
                    break;
                default:
                    continue;
            }

            var name = token.Name;
            if (name == "a")
            {
                CloseAnchor(links, ref anchorIndex, ref anchorText);
                if (Attribute(ref token, "href") is { } href)
                {
                    anchorIndex = links.Count;
                    links.Add(new ExtractedLink(href, LinkSource.Anchor, null));
                    anchorText = new StringBuilder();
                    tokenizer.SkipDataText = false;
                }
            }
            else if (name == "img")
            {
                Add(links, Attribute(ref token, "src"), LinkSource.Image, Attribute(ref token, "alt"));
            }
            else if (name == "area")
            {
                Add(links, Attribute(ref token, "href"), LinkSource.Area, Attribute(ref token, "alt"));
            }
            else if (name == "script")
            {
                Add(links, Attribute(ref token, "src"), LinkSource.Script, null);
                tokenizer.State = HtmlParseMode.Script;
            }
            else if (name == "link")
            {
                var rel = Attribute(ref token, "rel")?.ToLowerInvariant() ?? "";
                Add(links, Attribute(ref token, "href"), rel.Contains("stylesheet", StringComparison.Ordinal) ? LinkSource.Stylesheet : LinkSource.Other, null);
            }
            else if (name == "iframe" || name == "frame")
            {
                Add(links, Attribute(ref token, "src"), LinkSource.Frame, Attribute(ref token, "title"));
                if (name == "iframe")
                {
                    tokenizer.State = HtmlParseMode.Rawtext;
                }
            }
            else if (name == "form")
            {
                // A form without action submits to its own page: no link.
                Add(links, Attribute(ref token, "action"), LinkSource.Form, Attribute(ref token, "method"));
            }
            else if (name == "meta")
            {
                if (string.Equals(Attribute(ref token, "http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
                {
                    Add(links, LinkExtractor.RefreshTarget(Attribute(ref token, "content")), LinkSource.MetaRefresh, null);
                }
            }
            else if (name == "base")
            {
                baseHref ??= Attribute(ref token, "href");
            }
            else if (name == "style" || name == "xmp" || name == "noembed" || name == "noframes")
            {
                tokenizer.State = HtmlParseMode.Rawtext;
            }
            else if (name == "title" || name == "textarea")
            {
                tokenizer.State = HtmlParseMode.RCData;
            }
        }
    }

    private static bool IsWanted(ReadOnlySpan<char> name) =>
        name.Length is >= 3 and <= 10 && (name.Equals("href", StringComparison.OrdinalIgnoreCase) || name.Equals("src", StringComparison.OrdinalIgnoreCase)
            || name.Equals("alt", StringComparison.OrdinalIgnoreCase) || name.Equals("rel", StringComparison.OrdinalIgnoreCase)
            || name.Equals("title", StringComparison.OrdinalIgnoreCase) || name.Equals("action", StringComparison.OrdinalIgnoreCase)
            || name.Equals("method", StringComparison.OrdinalIgnoreCase) || name.Equals("http-equiv", StringComparison.OrdinalIgnoreCase)
            || name.Equals("content", StringComparison.OrdinalIgnoreCase));

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

    private static string? Attribute(ref StructHtmlToken tag, string name)
    {
        var value = ((ReadOnlyMemory<char>)tag.GetAttribute(name)).Span.Trim();
        return value.IsEmpty ? null : value.ToString();
    }

    private static void Add(List<ExtractedLink> links, string? reference, LinkSource source, string? text)
    {
        if (reference is not null)
        {
            links.Add(new ExtractedLink(reference, source, string.IsNullOrWhiteSpace(text) ? null : text.Trim()));
        }
    }
}
