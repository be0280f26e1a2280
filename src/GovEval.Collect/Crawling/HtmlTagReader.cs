namespace GovEval.Collect.Crawling;

/// <summary>What <see cref="HtmlTagReader.Read"/> found next.</summary>
internal enum HtmlToken
{
    Text,
    StartTag,
    EndTag,
    End,
}

/// <summary>The attributes the link reader keeps; any other attribute is skipped without a copy.</summary>
internal enum LinkAttribute
{
    Href,
    Src,
    Alt,
    Rel,
    Title,
    Action,
    Method,
    HttpEquiv,
    Content,
}

/// <summary>
/// Walks HTML as the WHATWG tokenizer does, for the parts a crawler needs: text runs, start and end tags with
/// the attributes of <see cref="LinkAttribute"/> (first occurrence wins, values may be quoted, unquoted or
/// missing), comments and bogus comments skipped, and the contents of script (with its escaped and
/// double-escaped states), style, xmp, iframe, noembed, noframes, title and textarea passed over as raw text,
/// so markup inside them is never read as a link. Everything after plaintext is text. Works on spans, with no
/// DOM and no copy of the page: the crawler reads every page, the checks parse a DOM later from the stored HTML.
/// </summary>
internal ref struct HtmlTagReader
{
    private const int AttributeCount = 9;

    private readonly ReadOnlySpan<char> html;
    private int position;
    private RawText raw;
    private int rawName;
    private Span<int> starts;
    private Span<int> lengths;

    public HtmlTagReader(ReadOnlySpan<char> html, Span<int> attributeSlots)
    {
        this.html = html;
        starts = attributeSlots[..AttributeCount];
        lengths = attributeSlots.Slice(AttributeCount, AttributeCount);
    }

    /// <summary>Room for the attribute positions of one tag (pass a stackalloc of this many ints).</summary>
    public const int SlotCount = 2 * AttributeCount;

    /// <summary>The text run of the last <see cref="HtmlToken.Text"/> (character references not decoded).</summary>
    public ReadOnlySpan<char> Text { get; private set; }

    /// <summary>The name of the last tag as written (compare ignoring case).</summary>
    public ReadOnlySpan<char> Name { get; private set; }

    private enum RawText
    {
        None,
        Raw,
        Script,
        Plain,
    }

    public HtmlToken Read()
    {
        if (raw != RawText.None && !SkipRawText())
        {
            return HtmlToken.End;
        }

        while (position < html.Length)
        {
            if (html[position] != '<')
            {
                var next = html[(position + 1)..].IndexOf('<');
                var end = next < 0 ? html.Length : position + 1 + next;
                Text = html[position..end];
                position = end;
                return HtmlToken.Text;
            }

            var c = At(position + 1);
            if (char.IsAsciiLetter(c))
            {
                return StartTag();
            }

            switch (c)
            {
                case '/' when char.IsAsciiLetter(At(position + 2)):
                    return EndTag();
                case '/' when At(position + 2) == '>':
                    position += 3;
                    continue;
                case '/' or '?':
                    SkipTo('>', position + 2);
                    continue;
                case '!':
                    SkipDeclaration();
                    continue;
                default:
                    // A '<' that opens nothing is text.
                    var next = html[(position + 1)..].IndexOf('<');
                    var end = next < 0 ? html.Length : position + 1 + next;
                    Text = html[position..end];
                    position = end;
                    return HtmlToken.Text;
            }
        }

        return HtmlToken.End;
    }

    /// <summary>The trimmed value of an attribute of the last start tag, character references decoded; null when absent or empty.</summary>
    public readonly string? Attribute(LinkAttribute attribute)
    {
        var start = starts[(int)attribute];
        if (start < 0)
        {
            return null;
        }

        var value = html.Slice(start, lengths[(int)attribute]);
        if (value.Contains('&'))
        {
            var decoded = CharacterReferences.Decode(value, inAttribute: true).AsSpan().Trim();
            return decoded.IsEmpty ? null : decoded.ToString();
        }

        value = value.Trim();
        return value.IsEmpty ? null : value.ToString();
    }

    private HtmlToken StartTag()
    {
        var nameStart = position + 1;
        var p = NameEnd(nameStart);
        Name = html[nameStart..p];
        starts.Fill(-1);
        if (!Attributes(ref p, keep: true))
        {
            // A tag cut off by the end of the document is dropped, as browsers do.
            position = html.Length;
            return HtmlToken.End;
        }

        position = p;
        raw = RawTextOf(Name, out rawName);
        return HtmlToken.StartTag;
    }

    private HtmlToken EndTag()
    {
        var nameStart = position + 2;
        var p = NameEnd(nameStart);
        Name = html[nameStart..p];
        if (!Attributes(ref p, keep: false))
        {
            position = html.Length;
            return HtmlToken.End;
        }

        position = p;
        return HtmlToken.EndTag;
    }

    private readonly int NameEnd(int p)
    {
        while (p < html.Length && !IsSpace(html[p]) && html[p] != '/' && html[p] != '>')
        {
            p++;
        }

        return p;
    }

    /// <summary>Reads attributes up to and past the closing '&gt;'; false when the document ends first.</summary>
    private readonly bool Attributes(ref int p, bool keep)
    {
        while (true)
        {
            while (p < html.Length && (IsSpace(html[p]) || html[p] == '/'))
            {
                p++;
            }

            if (p >= html.Length)
            {
                return false;
            }

            if (html[p] == '>')
            {
                p++;
                return true;
            }

            // The first character belongs to the name even when it is '=' (a parse error browsers accept).
            var nameStart = p++;
            while (p < html.Length && !IsSpace(html[p]) && html[p] is not ('/' or '>' or '='))
            {
                p++;
            }

            var name = html[nameStart..p];
            while (p < html.Length && IsSpace(html[p]))
            {
                p++;
            }

            var valueStart = p;
            var valueLength = 0;
            if (p < html.Length && html[p] == '=')
            {
                p++;
                while (p < html.Length && IsSpace(html[p]))
                {
                    p++;
                }

                if (p >= html.Length)
                {
                    return false;
                }

                var quote = html[p];
                if (quote is '"' or '\'')
                {
                    var close = html[(p + 1)..].IndexOf(quote);
                    if (close < 0)
                    {
                        return false;
                    }

                    valueStart = p + 1;
                    valueLength = close;
                    p += close + 2;
                }
                else
                {
                    valueStart = p;
                    while (p < html.Length && !IsSpace(html[p]) && html[p] != '>')
                    {
                        p++;
                    }

                    valueLength = p - valueStart;
                }
            }

            if (keep && Wanted(name) is { } attribute && starts[(int)attribute] < 0)
            {
                starts[(int)attribute] = valueStart;
                lengths[(int)attribute] = valueLength;
            }
        }
    }

    private static LinkAttribute? Wanted(ReadOnlySpan<char> name) => name.Length switch
    {
        3 when name.Equals("src", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Src,
        3 when name.Equals("alt", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Alt,
        3 when name.Equals("rel", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Rel,
        4 when name.Equals("href", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Href,
        5 when name.Equals("title", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Title,
        6 when name.Equals("action", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Action,
        6 when name.Equals("method", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Method,
        7 when name.Equals("content", StringComparison.OrdinalIgnoreCase) => LinkAttribute.Content,
        10 when name.Equals("http-equiv", StringComparison.OrdinalIgnoreCase) => LinkAttribute.HttpEquiv,
        _ => null,
    };

    private static readonly string[] RawTextNames = ["script", "style", "xmp", "iframe", "noembed", "noframes", "title", "textarea"];

    private static RawText RawTextOf(ReadOnlySpan<char> name, out int index)
    {
        // Every start tag asks: most (a, li, div, span, p) are told by length and first letter, not nine compares.
        if (name.Length is < 3 or > 9 || (char)(name[0] | 0x20) is not ('s' or 'x' or 'i' or 'n' or 't' or 'p'))
        {
            index = -1;
            return RawText.None;
        }

        for (index = 0; index < RawTextNames.Length; index++)
        {
            if (name.Equals(RawTextNames[index], StringComparison.OrdinalIgnoreCase))
            {
                return index == 0 ? RawText.Script : RawText.Raw;
            }
        }

        index = -1;
        return name.Equals("plaintext", StringComparison.OrdinalIgnoreCase) ? RawText.Plain : RawText.None;
    }

    /// <summary>Moves past raw text to the element's own end tag; false when the document ends inside it.</summary>
    private bool SkipRawText()
    {
        var mode = raw;
        raw = RawText.None;
        if (mode == RawText.Plain)
        {
            return false;
        }

        var name = RawTextNames[rawName];
        var end = mode == RawText.Script ? ScriptEnd(name) : RawEnd(name, position);
        if (end < 0)
        {
            position = html.Length;
            return false;
        }

        position = end;
        return true;
    }

    /// <summary>Where "&lt;/name" followed by a space, '/' or '&gt;' starts, from <paramref name="from"/> on; -1 if nowhere.</summary>
    private readonly int RawEnd(string name, int from)
    {
        while (true)
        {
            var found = html[from..].IndexOf("</", StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (IsTagAt(at + 2, name))
            {
                return at;
            }

            from = at + 2;
        }
    }

    /// <summary>
    /// The end of script data, following the tokenizer's escaped states: inside "&lt;!--" a "&lt;script" starts a
    /// double-escaped run whose "&lt;/script&gt;" does not end the element.
    /// </summary>
    private readonly int ScriptEnd(string name)
    {
        var p = position;
        var state = 0; // 0 script data, 1 escaped, 2 double escaped
        while (true)
        {
            var next = state == 0 ? html[p..].IndexOf('<') : html[p..].IndexOfAny('<', '-');
            if (next < 0)
            {
                return -1;
            }

            var at = p + next;
            if (html[at] == '-')
            {
                if (html[at..].StartsWith("-->", StringComparison.Ordinal))
                {
                    state = 0;
                    p = at + 3;
                }
                else
                {
                    p = at + 1;
                }

                continue;
            }

            if (state == 0 && html[at..].StartsWith("<!--", StringComparison.Ordinal))
            {
                // "<!-->" and "<!--->" close the escape at once.
                p = at + 4;
                while (p < html.Length && html[p] == '-')
                {
                    p++;
                }

                state = p < html.Length && html[p] == '>' ? 0 : 1;
                continue;
            }

            if (At(at + 1) == '/' && IsTagAt(at + 2, name))
            {
                if (state != 2)
                {
                    return at;
                }

                state = 1;
                p = at + 2 + name.Length;
                continue;
            }

            if (state == 1 && IsTagAt(at + 1, name))
            {
                state = 2;
                p = at + 1 + name.Length;
                continue;
            }

            p = at + 1;
        }
    }

    private readonly bool IsTagAt(int p, string name) =>
        p + name.Length < html.Length
        && html.Slice(p, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
        && (IsSpace(html[p + name.Length]) || html[p + name.Length] is '/' or '>');

    private void SkipDeclaration()
    {
        if (!html[position..].StartsWith("<!--", StringComparison.Ordinal))
        {
            // Doctype, CDATA outside foreign content, anything else: a bogus comment up to '>'.
            SkipTo('>', position + 2);
            return;
        }

        var body = position + 4;
        if (At(body) == '>')
        {
            position = body + 1;
            return;
        }

        if (At(body) == '-' && At(body + 1) == '>')
        {
            position = body + 2;
            return;
        }

        position = CommentEnd(body);
    }

    /// <summary>
    /// Just past the first "--&gt;" or "--!&gt;" from <paramref name="from"/> on, or the end of the document. One
    /// scan: looking for each ending over the rest of the page read a page of many comments without any "--!&gt;"
    /// to its end once per comment.
    /// </summary>
    private readonly int CommentEnd(int from)
    {
        while (true)
        {
            var dashes = from >= html.Length ? -1 : html[from..].IndexOf("--", StringComparison.Ordinal);
            if (dashes < 0)
            {
                return html.Length;
            }

            var at = from + dashes + 2;
            if (At(at) == '>')
            {
                return at + 1;
            }

            if (At(at) == '!' && At(at + 1) == '>')
            {
                return at + 2;
            }

            from = at - 1;
        }
    }

    private void SkipTo(char c, int from)
    {
        var found = from >= html.Length ? -1 : html[from..].IndexOf(c);
        position = found < 0 ? html.Length : from + found + 1;
    }

    private readonly char At(int p) => p < html.Length ? html[p] : '\0';

    // Called for nearly every character of a tag; the JIT left it out of line in Attributes.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
