using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GovEval.Core.Observations;

namespace GovEval.Checks;

/// <summary>
/// What every family shares for one site: the options and the parsed documents, so a page that six families
/// read is parsed once.
/// </summary>
public sealed class CheckContext(CheckOptions options)
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, IHtmlDocument?> documents = new(StringComparer.Ordinal);

    public CheckOptions Options { get; } = options;

    /// <summary>The page's DOM, or null when the page has no HTML (failed fetch, not HTML).</summary>
    public IHtmlDocument? Document(PageObservation page)
    {
        if (page.Html is null)
        {
            return null;
        }

        if (!documents.TryGetValue(page.Url, out var document))
        {
            document = Parser.ParseDocument(page.Html);
            documents[page.Url] = document;
        }

        return document;
    }
}
