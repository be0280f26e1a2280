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
}

/// <summary>A link of a page with its absolute, normalised target, read once by the worker that fetched the page.</summary>
public readonly record struct ResolvedLink(string Target, LinkSource Source, string? Text, LinkRole Role, bool Internal);
