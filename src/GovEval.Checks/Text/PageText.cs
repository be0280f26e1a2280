using AngleSharp.Dom;

namespace GovEval.Checks.Text;

/// <summary>
/// The text of a page as a browser shows it. Word lists and number patterns run over this, never over markup:
/// block elements, list items and table cells are separated so that two adjacent numbers (an ID card cell next
/// to a phone cell) never run together into one digit string, and scripts (including the inline <c>listData</c>
/// arrays some CMSs fill lists from) are not text a reader sees.
/// </summary>
public static class PageText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "math", "object", "iframe", "select", "datalist",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "ul", "button", "textarea",
    };

    // Content and Privacy both read every page's text; CheckContext caches the DOM per site, so keying the text
    // on the document object shares one extraction and lets both go when the site's context does.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocument, string> Cache = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocument, string> HiddenCache = new();

    /// <summary>Visible text of the document, extracted once per document object.</summary>
    public static string Of(IDocument document) => Cache.GetValue(document, Extract);

    /// <summary>
    /// Text a browser does not draw (hidden attribute, display:none, visibility:hidden), block by block. Hijacked sites hide their
    /// gambling and porn links this way (暗链): invisible to a visitor, still published and still indexed.
    /// </summary>
    public static string HiddenOf(IDocument document) => HiddenCache.GetValue(document, d =>
        d.Body is not { } body ? "" : string.Join("\n", OutermostHidden(body).Select(e => Extract(e, includeHidden: true)).Where(t => t.Length > 0)));

    /// <summary>
    /// Hidden elements without a hidden ancestor, in document order: one walk that does not enter what it found
    /// hidden. Asking each hidden element about its ancestors cost depth × elements on deeply nested pages.
    /// </summary>
    private static IEnumerable<IElement> OutermostHidden(IElement root)
    {
        for (var e = root; e is not null; e = e.ParentElement)
        {
            if (IsHidden(e))
            {
                yield break; // a hidden body: everything in it has a hidden ancestor
            }
        }

        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (IsHidden(element))
            {
                yield return element;
                continue;
            }

            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>Visible text of the whole document (body and frameset content).</summary>
    public static string Extract(IDocument document) =>
        document.Body is { } body ? Extract(body) : Extract(document.DocumentElement);

    /// <summary>Visible text of one element and its descendants (used for footers and blocks).</summary>
    public static string Extract(IElement root) => Extract(root, includeHidden: false);

    private static string Extract(IElement root, bool includeHidden)
    {
        var writer = new Writer();
        Walk(root, writer, includeHidden);
        return writer.ToString();
    }

    private static void Walk(INode node, Writer writer, bool includeHidden)
    {
        // An explicit stack: malformed pages can nest thousands of unclosed elements.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((node, false));
        while (stack.Count > 0)
        {
            var (current, leaving) = stack.Pop();
            if (current is IText text)
            {
                writer.Text(text.Data);
                continue;
            }

            if (current is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            var breakKind = BreakOf(name);
            if (leaving)
            {
                writer.Break(breakKind);
                continue;
            }

            if (Skipped.Contains(name) || (!includeHidden && IsHidden(element)))
            {
                continue;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                writer.Break(Separator.Line);
                continue;
            }

            writer.Break(breakKind);
            stack.Push((element, true));
            // By index: AngleSharp finds a node's previous sibling by searching its parent's children, so walking
            // siblings cost the square of their number (a page of 1,000,000 <p> took 354 s).
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }
    }

    private static Separator BreakOf(string name) =>
        name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase)
            ? Separator.Cell
            : Blocks.Contains(name) ? Separator.Line : Separator.None;

    /// <summary>What a browser does not draw: the hidden attribute, inline display:none and visibility:hidden.</summary>
    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is null)
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private enum Separator
    {
        None,
        Space,
        Cell,
        Line,
    }

    /// <summary>Collapses white space as CSS does and emits separators lazily, so none leads or trails.</summary>
    private sealed class Writer
    {
        private readonly System.Text.StringBuilder text = new();
        private Separator pending;
        private bool pendingSegmentBreak;

        public void Break(Separator separator)
        {
            if (separator > pending)
            {
                pending = separator;
            }
        }

        public void Text(string data)
        {
            foreach (var c in data)
            {
                if (IsCollapsible(c))
                {
                    if (pending < Separator.Space)
                    {
                        pending = Separator.Space;
                    }

                    pendingSegmentBreak |= c is '\n' or '\r';
                    continue;
                }

                Flush(c);
                text.Append(c);
            }
        }

        private void Flush(char next)
        {
            if (text.Length > 0 && pending != Separator.None)
            {
                // CSS Text 3: a line break in the source between two CJK characters disappears, so a term that an
                // editor wrapped (营商\n环境) reads as one word.
                var dropped = pending == Separator.Space && pendingSegmentBreak && IsWide(text[^1]) && IsWide(next);
                if (!dropped)
                {
                    text.Append(pending switch
                    {
                        Separator.Space => ' ',
                        Separator.Cell => '\t',
                        _ => '\n',
                    });
                }
            }

            pending = Separator.None;
            pendingSegmentBreak = false;
        }

        /// <summary>CSS collapses only these; a no-break space or an ideographic space (　) stays as written.</summary>
        private static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

        private static bool IsWide(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

        public override string ToString() => text.ToString();
    }
}
