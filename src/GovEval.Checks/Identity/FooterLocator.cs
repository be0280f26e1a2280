using AngleSharp.Dom;

namespace GovEval.Checks.Identity;

/// <summary>
/// Finds a page's footer the way a person would: &lt;footer&gt; elements and blocks whose class or id says foot or
/// bottom (footer, foot, bottom, copyright, banquan, dibu), outermost ones only so a nested footer-inner is not read twice; when a
/// template names nothing, the last block of the body. Templates often split the footer in two (links above,
/// identity below), so every outermost candidate is kept.
/// </summary>
public static class FooterLocator
{
    private static readonly string[] Markers = ["foot", "bottom", "copyright", "banquan", "dibu"];

    public static IReadOnlyList<IElement> Find(IDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return [];
        }

        var outermost = Outermost(body);
        if (outermost.Count > 0)
        {
            return outermost;
        }

        var last = body.Children.LastOrDefault(c => c.LocalName is not ("script" or "style" or "noscript") && c.TextContent.Trim().Length > 0);
        return last is null ? [] : [last];
    }

    /// <summary>
    /// Footer-like elements not inside another, in document order: one walk that does not enter a footer it found.
    /// Comparing every candidate with every other cost the square of their number.
    /// </summary>
    private static List<IElement> Outermost(IElement body)
    {
        var found = new List<IElement>();
        var stack = new Stack<IElement>();
        PushChildren(stack, body);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (IsFooterLike(element))
            {
                found.Add(element);
                continue;
            }

            PushChildren(stack, element);
        }

        return found;
    }

    private static void PushChildren(Stack<IElement> stack, IElement element)
    {
        var children = element.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child)
            {
                stack.Push(child);
            }
        }
    }

    private static bool IsFooterLike(IElement element)
    {
        if (element.LocalName == "footer")
        {
            return true;
        }

        if (element.LocalName is "script" or "style" or "a" or "img" or "span" or "li")
        {
            return false;
        }

        var names = (element.GetAttribute("class") ?? "") + " " + (element.GetAttribute("id") ?? "");
        return Markers.Any(m => names.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
