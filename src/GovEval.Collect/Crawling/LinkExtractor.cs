using System.Buffers;
using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Finds a page's links (a, area, img, script, link, iframe, frame, form, meta refresh, base) and each anchor's
/// text with <see cref="HtmlTagReader"/>, a span scanner, instead of a DOM or a general tokenizer: the crawler
/// reads every page of every site for its links alone, and a general tokenizer cost more than fetching the page.
/// Checks parse their own DOM later from the stored HTML.
/// </summary>
public static class LinkExtractor
{
    private const int MaxTextLength = 200;

    public static IReadOnlyList<ExtractedLink> Extract(string html, out string? baseHref)
    {
        var links = new List<ExtractedLink>(32);
        Extract(html, links, out baseHref);
        return links;
    }

    /// <summary>Adds the page's links to <paramref name="links"/> (the crawler reuses one list per thread).</summary>
    public static void Extract(string html, List<ExtractedLink> links, out string? baseHref) => Extract(html, links, int.MaxValue, out baseHref);

    /// <summary>
    /// Adds at most <paramref name="maxLinks"/> links to <paramref name="links"/> and returns how many more the page
    /// holds: they are counted, not kept, so the message can say how far over the limit a page is.
    /// </summary>
    public static int Extract(string html, List<ExtractedLink> links, int maxLinks, out string? baseHref)
    {
        baseHref = null;
        var limit = links.Count + maxLinks;
        var dropped = 0;
        var reader = new HtmlTagReader(html, stackalloc int[HtmlTagReader.SlotCount]);
        var anchor = new AnchorText();
        var anchorIndex = -1;
        try
        {
            while (true)
            {
                switch (reader.Read())
                {
                    case HtmlToken.End:
                        Close(links, ref anchorIndex, ref anchor);
                        return dropped;
                    case HtmlToken.Text when anchorIndex >= 0:
                        anchor.Append(reader.Text);
                        continue;
                    case HtmlToken.EndTag when Is(reader.Name, "a") || Is(reader.Name, "area"):
                        Close(links, ref anchorIndex, ref anchor);
                        continue;
                    case HtmlToken.StartTag:
                        break;
                    default:
                        continue;
                }

                if (links.Count >= limit)
                {
                    Close(links, ref anchorIndex, ref anchor);
                    dropped += IsLink(reader) ? 1 : 0;
                    continue;
                }

                var name = reader.Name;
                if (Is(name, "a"))
                {
                    Close(links, ref anchorIndex, ref anchor);
                    if (reader.Attribute(LinkAttribute.Href) is { } href)
                    {
                        anchorIndex = links.Count;
                        links.Add(new ExtractedLink(href, LinkSource.Anchor, null, IsPagerRel(reader.Attribute(LinkAttribute.Rel))));
                    }
                }
                else if (Is(name, "img"))
                {
                    Add(links, reader.Attribute(LinkAttribute.Src), LinkSource.Image, reader.Attribute(LinkAttribute.Alt));
                }
                else if (Is(name, "area"))
                {
                    Add(links, reader.Attribute(LinkAttribute.Href), LinkSource.Area, reader.Attribute(LinkAttribute.Alt));
                }
                else if (Is(name, "script"))
                {
                    Add(links, reader.Attribute(LinkAttribute.Src), LinkSource.Script, null);
                }
                else if (Is(name, "link"))
                {
                    var rel = reader.Attribute(LinkAttribute.Rel);
                    var stylesheet = rel?.Contains("stylesheet", StringComparison.OrdinalIgnoreCase) == true;
                    if (!stylesheet && IsPagerRel(rel) && reader.Attribute(LinkAttribute.Href) is { } next)
                    {
                        // <link rel="next" href="index_2.html">: the head's pointer to the list's next page.
                        links.Add(new ExtractedLink(next, LinkSource.Other, null, PagerRel: true));
                    }
                    else
                    {
                        Add(links, reader.Attribute(LinkAttribute.Href), stylesheet ? LinkSource.Stylesheet : LinkSource.Other, null);
                    }
                }
                else if (Is(name, "iframe") || Is(name, "frame"))
                {
                    Add(links, reader.Attribute(LinkAttribute.Src), LinkSource.Frame, reader.Attribute(LinkAttribute.Title));
                }
                else if (Is(name, "form"))
                {
                    // A form without action submits to its own page: no link.
                    Add(links, reader.Attribute(LinkAttribute.Action), LinkSource.Form, reader.Attribute(LinkAttribute.Method));
                }
                else if (Is(name, "meta"))
                {
                    if (string.Equals(reader.Attribute(LinkAttribute.HttpEquiv), "refresh", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(links, RefreshTarget(reader.Attribute(LinkAttribute.Content)), LinkSource.MetaRefresh, null);
                    }
                }
                else if (Is(name, "base"))
                {
                    baseHref ??= reader.Attribute(LinkAttribute.Href);
                }
            }
        }
        finally
        {
            anchor.Dispose();
        }
    }

    /// <summary>Whether the start tag just read would have given a link (what <see cref="Extract(string, List{ExtractedLink}, int, out string?)"/> keeps).</summary>
    private static bool IsLink(in HtmlTagReader reader)
    {
        var name = reader.Name;
        return (Is(name, "a") || Is(name, "area") || Is(name, "link")) && reader.Attribute(LinkAttribute.Href) is not null
            || (Is(name, "img") || Is(name, "script") || Is(name, "iframe") || Is(name, "frame")) && reader.Attribute(LinkAttribute.Src) is not null
            || Is(name, "form") && reader.Attribute(LinkAttribute.Action) is not null
            || Is(name, "meta") && string.Equals(reader.Attribute(LinkAttribute.HttpEquiv), "refresh", StringComparison.OrdinalIgnoreCase)
                && RefreshTarget(reader.Attribute(LinkAttribute.Content)) is not null;
    }

    private static bool Is(ReadOnlySpan<char> name, string tag) => name.Equals(tag, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a rel attribute holds the token next, prev or previous (rel is a space-separated token list).</summary>
    private static bool IsPagerRel(string? rel)
    {
        if (rel is null)
        {
            return false;
        }

        foreach (var range in rel.AsSpan().SplitAny(" \t\n\f\r"))
        {
            var token = rel.AsSpan()[range];
            if (token.Equals("next", StringComparison.OrdinalIgnoreCase) || token.Equals("prev", StringComparison.OrdinalIgnoreCase)
                || token.Equals("previous", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Close(List<ExtractedLink> links, ref int index, ref AnchorText text)
    {
        if (index >= 0)
        {
            var value = text.ToStringAndClear();
            links[index] = links[index] with { Text = value };
        }

        index = -1;
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

    /// <summary>
    /// One string per distinct anchor text on this thread: a site's navigation repeats on every page, so most texts
    /// were read before. Looked up by the characters, so a text already seen costs no allocation; the set is
    /// emptied when it grows large, so a site of unique texts does not pin them all.
    /// </summary>
    private static string SharedText(ReadOnlySpan<char> text)
    {
        var shared = texts ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = shared.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        if (shared.Count >= MaxSharedTexts)
        {
            shared.Clear();
        }

        var created = text.ToString();
        shared.Add(created);
        return created;
    }

    private const int MaxSharedTexts = 4096;

    [ThreadStatic]
    private static HashSet<string>? texts;

    /// <summary>An anchor's text as it is read: references decoded, whitespace collapsed, cut at about 200 characters.</summary>
    private struct AnchorText : IDisposable
    {
        private char[]? buffer;
        private int length;
        private bool space;

        public void Append(ReadOnlySpan<char> run)
        {
            if (length >= MaxTextLength)
            {
                return;
            }

            if (run.Contains('&'))
            {
                run = CharacterReferences.Decode(run, inAttribute: false);
            }

            buffer ??= ArrayPool<char>.Shared.Rent(MaxTextLength + 64);
            foreach (var c in run)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = length > 0;
                    continue;
                }

                if (length >= buffer.Length - 1)
                {
                    return;
                }

                if (space)
                {
                    buffer[length++] = ' ';
                    space = false;
                }

                buffer[length++] = c;
            }
        }

        public string? ToStringAndClear()
        {
            var text = length == 0 ? null : SharedText(buffer.AsSpan(0, length));
            length = 0;
            space = false;
            return text;
        }

        public void Dispose()
        {
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer);
                buffer = null;
            }
        }
    }
}
