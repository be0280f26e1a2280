using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>What the crawler does with a link target.</summary>
public enum LinkRole
{
    /// <summary>An in-scope HTML page: crawled.</summary>
    Page,

    /// <summary>Anything else (external, files, media, code): checked once through the link-check cache.</summary>
    Check,

    /// <summary>A form's action: recorded, never submitted by the crawler.</summary>
    Form,

    /// <summary>
    /// An in-scope page of the same list, reached through the page's pager (下一页, 尾页, a page number, rel=next; see
    /// <see cref="PagerLinks"/>): crawled like <see cref="Page"/>, but at the list's own depth, not one click deeper.
    /// </summary>
    ListPage,
}

/// <summary>A link of a page with its absolute, normalised target, read once by the worker that fetched the page.</summary>
public readonly record struct ResolvedLink(string Target, LinkSource Source, string? Text, LinkRole Role, bool Internal);
