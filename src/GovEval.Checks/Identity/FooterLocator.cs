using AngleSharp.Dom;

namespace GovEval.Checks.Identity;

/// <summary>
/// Finds a page's footer the way a person would: &lt;footer&gt; elements and blocks whose class or id says foot or
/// bottom (footer, foot, bottom, ft-wrap…), outermost ones only so a nested footer-inner is not read twice; when a
/// template names nothing, the last block of the body. Templates often split the footer in two (links above,
/// identity below), so every outermost candidate is kept.
/// </summary>
public static class FooterLocator
{
    private static readonly string[] Markers = ["foot", "bottom", "copyright", "banquan"];

    public static IReadOnlyList<IElement> Find(IDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return [];
        }

        var candidates = body.Descendants<IElement>().Where(IsFooterLike).ToList();
        var outermost = candidates.Where(c => !candidates.Any(o => !ReferenceEquals(o, c) && o.Contains(c))).ToList();
        if (outermost.Count > 0)
        {
            return outermost;
        }

        var last = body.Children.LastOrDefault(c => c.LocalName is not ("script" or "style" or "noscript") && c.TextContent.Trim().Length > 0);
        return last is null ? [] : [last];
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
