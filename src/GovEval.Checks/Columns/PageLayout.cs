using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace GovEval.Checks.Columns;

/// <summary>Where an element sits in its page's frame, inherited from its ancestors (itself included).</summary>
[Flags]
public enum PageRegion
{
    None = 0,

    /// <summary>Navigation, header, footer, breadcrumb, pager (<see cref="SitePages.IsChrome"/>).</summary>
    Chrome = 1,

    /// <summary>The site's navigation (nav, .nav*, .menu*), where columns are linked from.</summary>
    Navigation = 2,

    /// <summary>A breadcrumb (当前位置：首页 &gt; 栏目).</summary>
    Breadcrumb = 4,

    /// <summary>Inside a form.</summary>
    Form = 8,
}

/// <summary>
/// Facts about a page's tree that families ask of many elements: which region of the frame an element is in, and
/// how many links it holds. Asking them of each element by walking its ancestors or querying its subtree made a
/// page of many links or deep nesting cost the square of its size (100,000 links never finished); this reads the
/// tree once, iteratively (a hostile page can nest tens of thousands of elements), and answers each question from
/// a table. Computed once per document and shared by every family, like <see cref="Text.PageText"/>.
/// </summary>
public sealed class PageLayout
{
    /// <summary>Link counts are kept up to this: families only ask "none, one, a few, or many".</summary>
    public const int LinkCountCap = 64;

    private static readonly ConditionalWeakTable<IDocument, PageLayout> Cache = new();

    private readonly Dictionary<IElement, PageRegion> regions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, int> links = new(ReferenceEqualityComparer.Instance);

    private PageLayout(IDocument document)
    {
        if (document.DocumentElement is { } root)
        {
            Read(root);
        }
    }

    /// <summary>The layout of the document, read once per document object.</summary>
    public static PageLayout Of(IDocument document) => Cache.GetValue(document, d => new PageLayout(d));

    /// <summary>The regions the element is in (its own and its ancestors').</summary>
    public PageRegion RegionOf(IElement element) => regions.GetValueOrDefault(element);

    /// <summary>How many links (a[href]) the element holds, itself included, counted up to <see cref="LinkCountCap"/>.</summary>
    public int LinksIn(IElement element) => links.GetValueOrDefault(element);

    private void Read(IElement root)
    {
        var stack = new Stack<(IElement Element, PageRegion Inherited, bool Leaving)>();
        stack.Push((root, PageRegion.None, false));
        while (stack.Count > 0)
        {
            var (element, inherited, leaving) = stack.Pop();
            if (leaving)
            {
                CountLinks(element);
                continue;
            }

            var region = inherited | Own(element);
            if (region != PageRegion.None)
            {
                regions[element] = region;
            }

            stack.Push((element, region, true));
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    stack.Push((child, region, false));
                }
            }
        }
    }

    // Children leave before their parent: their counts are known when it leaves.
    private void CountLinks(IElement element)
    {
        var count = element.LocalName == "a" && element.HasAttribute("href") ? 1 : 0;
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length && count < LinkCountCap; i++)
        {
            if (children[i] is IElement child && links.TryGetValue(child, out var held))
            {
                count += held;
            }
        }

        if (count > 0)
        {
            links[element] = Math.Min(count, LinkCountCap);
        }
    }

    private static PageRegion Own(IElement element)
    {
        var region = PageRegion.None;
        if (SitePages.IsChrome(element))
        {
            region |= PageRegion.Chrome;
        }

        if (SitePages.IsNavigation(element))
        {
            region |= PageRegion.Navigation;
        }

        if (SitePages.IsBreadcrumb(element))
        {
            region |= PageRegion.Breadcrumb;
        }

        if (element.LocalName == "form")
        {
            region |= PageRegion.Form;
        }

        return region;
    }
}
