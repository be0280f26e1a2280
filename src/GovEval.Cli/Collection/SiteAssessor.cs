using GovEval.Checks;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Scoring;

namespace GovEval.Cli.Collection;

/// <summary>
/// One site's observations, what the checks made of them and the score the framework gives. <see cref="Context"/>
/// holds the pages as the checks parsed them, so a report reads the same documents and derived facts again.
/// </summary>
public sealed record SiteAssessment(SiteObservation Observation, CheckResult Checks, ScoreSheet Sheet, CheckContext Context);

/// <summary>
/// Observations → checks → score for one site: the pipeline's middle, shared by `check` (one site, a report) and
/// `collect --run` (every site of a round, stored). Pure: collection happened before. Without options the checks take
/// the framework's own (<see cref="CheckOptions.From(Framework)"/>). The checks stop when the
/// command is cancelled, and when the site's budget runs out they leave what they did not finish not measured.
/// </summary>
public static class SiteAssessor
{
    public static SiteAssessment Assess(
        Framework framework,
        string unitCode,
        IReadOnlyDictionary<string, IReadOnlyList<string>> facts,
        SiteObservation observation,
        CheckOptions? options = null,
        SiteBudget? budget = null,
        CancellationToken cancel = default)
    {
        // The numbers of the rules are the framework's: the one that scores the site also judges it.
        var context = new CheckContext(options ?? CheckOptions.From(framework), cancel, budget);
        var checks = SiteChecks.Run(observation, context);
        var sheet = ScoringEngine.Score(framework, new ScoringInput(unitCode, facts, checks.Findings, checks.Measurements, checks.NotMeasured, [], Collected: true));
        return new SiteAssessment(observation, checks, sheet, context);
    }

    /// <summary>
    /// Facts of a site checked on its own (no registry entry): a portal when its host is www.&lt;x&gt;.gov.cn or the
    /// caller says so; external services unless the caller says the unit has none (RULES.md §1's 4/3 rescale).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> StandaloneFacts(string homepage, bool? portal, bool services)
    {
        var host = Uri.TryCreate(homepage, UriKind.Absolute, out var uri) ? uri.Host : "";
        var isPortal = portal ?? host.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["portal"] = [isPortal ? "true" : "false"],
            ["externalServices"] = [services ? "true" : "false"],
        };
    }

    /// <summary>The verdict a report states: the framework's grade (合格/不合格), its veto grade, or the total.</summary>
    public static string Verdict(Framework framework, ScoreSheet sheet) =>
        sheet.Vetoed && framework.VetoGrade is { } veto ? veto
        : sheet.Grade ?? (sheet.Assessed ? $"{sheet.Total:0.#}分" : "未评估");
}
