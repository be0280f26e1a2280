using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GovEval.Checks.Derived;
using GovEval.Core.Observations;

namespace GovEval.Checks;

/// <summary>
/// What every family shares for one site: the options, the parsed documents (a page that six families read is
/// parsed once), the derived facts (<see cref="Request{TFact, T}"/>: columns, homepage items, the availability share,
/// derived once and read by every check and by the report), the command's cancellation and the site's time budget. A page whose parse outlasts
/// <see cref="CheckOptions.PageParseTimeout"/> is left unread: families see no document for it, as for a page
/// without HTML, and <see cref="Unread"/> says why, so the rules that needed it are reported not measured.
/// </summary>
public sealed class CheckContext(CheckOptions options, CancellationToken cancel = default, SiteBudget? budget = null) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, IHtmlDocument?> documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> unread = new(StringComparer.Ordinal);
    private readonly DerivedFactCache derived = new();
    private readonly CancellationTokenSource? site = budget is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancel, budget.Token);

    public CheckOptions Options { get; } = options;

    /// <summary>Stops the checks: the command's cancellation, or the site's budget running out.</summary>
    public CancellationToken Cancel => site?.Token ?? cancel;

    /// <summary>The site's time budget, or null when it has none.</summary>
    public SiteBudget? Budget { get; } = budget;

    /// <summary>True when the checks stopped because the site's budget ran out, not because the command was cancelled.</summary>
    public bool OverBudget => Budget is not null && Budget.Stopped(cancel);

    /// <summary>Pages whose HTML could not be read within the limits (URL → reason), in the order they were met.</summary>
    public IReadOnlyDictionary<string, string> Unread => unread;

    /// <summary>The page's DOM, or null when the page has no HTML (failed fetch, not HTML) or could not be read in time.</summary>
    public IHtmlDocument? Document(PageObservation page)
    {
        if (page.Html is null)
        {
            return null;
        }

        if (!documents.TryGetValue(page.Url, out var document))
        {
            document = Parse(page);
            documents[page.Url] = document;
        }

        return document;
    }

    /// <summary>
    /// The derived fact <typeparamref name="TFact"/> of the site <paramref name="observation"/>, derived on the first
    /// request and the same instance for every later one (checks, the site report, the monitor's summary).
    /// </summary>
    public T Request<TFact, T>(SiteObservation observation)
        where TFact : IDerivedFact<T> => derived.Get<TFact, T>(observation, this);

    /// <summary>How many derived facts this context derived (each at most once per site).</summary>
    public int Derivations => derived.Derivations;

    public void Dispose() => site?.Dispose();

    private IHtmlDocument? Parse(PageObservation page)
    {
        var limit = Options.PageParseTimeout;
        using var deadline = new CancellationTokenSource(limit, Options.Clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(Cancel, deadline.Token);
        try
        {
            // The string source is parsed at once; the token is looked at between tokens of the page.
            return Parser.ParseDocumentAsync(page.Html!, either.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !Cancel.IsCancellationRequested)
        {
            unread[page.Url] = $"页面 {page.Url} 解析超过每页时限 {limit.TotalSeconds:0.#} 秒，未能完整读取；可用 --page-parse-timeout 放宽";
            return null;
        }
    }
}
