using GovEval.Checks.Columns;
using GovEval.Core.Observations;

namespace GovEval.Checks.Search;

/// <summary>
/// Site search (search.missing, search.not-found) from the recorded search probe: the probe looks for a search form,
/// tries /search without one, searches a title the site published and records what the results page listed;
/// <see cref="SearchResults"/> judges whether that lists the published page. No form anywhere and no working
/// /search is missing; results that do not list the published page are not-found. When the scanner spoiled the
/// probe the rules are not measured.
/// </summary>
public sealed class SiteSearch : ICheckFamily
{
    public const string MissingRule = "search.missing";
    public const string NotFoundRule = "search.not-found";

    public IReadOnlyList<string> Rules { get; } = [MissingRule, NotFoundRule];

    // The search probe fetches the homepage itself and says when the scanner spoiled it.
    public IReadOnlyList<string> CrawlRules { get; } = [];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var home = observation.Homepage;
        var probe = observation.Search;
        if (probe is null)
        {
            return NotMeasured("未进行站内搜索探测", MissingRule, NotFoundRule);
        }

        var hasForm = probe.FormFound || PagesHaveSearchForm(observation, context);
        var verdict = SearchResults.Judge(probe, SitePages.HomepageUrls(observation));

        // Without a form, /search works only if it found what the site published: a soft 404 or a redirect to the
        // homepage answers 200 too.
        if (!hasForm && verdict != SearchVerdict.Found)
        {
            if (probe.Outcome is { IsUnknown: true })
            {
                return NotMeasured("站内搜索探测因扫描端故障未完成", MissingRule, NotFoundRule);
            }

            return new CheckResult(
                [new Finding(MissingRule, Severity.Deduction, home, home, "网站未提供站内搜索功能")],
                new Dictionary<string, decimal>(), [new NotMeasured(NotFoundRule, "网站无站内搜索")]);
        }

        switch (verdict)
        {
            case SearchVerdict.NotFound:
                var message = probe.Outcome!.IsSiteFault
                    ? $"站内搜索无法使用（{Links.BrokenLinks.Reason(probe.Outcome)}）"
                    : $"站内搜索查不到已发布的信息“{probe.Query}”";
                return new CheckResult([new Finding(NotFoundRule, Severity.Deduction, home, probe.ExpectedUrl ?? probe.SubmittedUrl ?? home, message)],
                    new Dictionary<string, decimal>(), []);
            case SearchVerdict.Unknown:
                return NotMeasured(Unknown(probe), NotFoundRule);
            default:
                return CheckResult.Empty;
        }
    }

    private static string Unknown(SearchProbe probe) =>
        probe.Query is null ? "首页无带日期的信息可供搜索"
        : probe.Outcome is null || probe.Outcome.IsUnknown ? "站内搜索结果未能获取"
        : probe.Outcome.Status != FetchStatus.Ok ? $"站内搜索结果页未能读取（{probe.Outcome.Status}）"
        : probe.Results is null ? "站内搜索结果页不是网页，无法判断"
        : $"站内搜索结果页链接过多（{probe.ResultLinkCount}个），未能全部记录";

    /// <summary>A form that submits to a search endpoint or has a keyword box, on any page read.</summary>
    private static bool PagesHaveSearchForm(SiteObservation observation, CheckContext context) =>
        SitePages.Homepage(observation) is { } home && context.Document(home) is { } document
        && document.QuerySelectorAll("form").Any(f =>
            (f.GetAttribute("action") ?? "").Contains("search", StringComparison.OrdinalIgnoreCase)
            || f.QuerySelector("input[name=q], input[name=keyword], input[name=keywords], input[name=searchword], input[type=search]") is not null);

    private static CheckResult NotMeasured(string reason, params string[] rules) =>
        new([], new Dictionary<string, decimal>(), rules.Select(r => new NotMeasured(r, reason)).ToList());
}
