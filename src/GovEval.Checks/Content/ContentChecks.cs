using GovEval.Checks.Text;
using GovEval.Core.Observations;

namespace GovEval.Checks.Content;

/// <summary>
/// content.typo, content.sensitive and veto.serious-error over the visible text of every page. The veto is a
/// candidate only: the national check asks a person to confirm a serious wording error, so the message says so.
/// One finding per page per rule (url = the page); the veto is site-level (url = the homepage, page = the first
/// page that holds a serious error).
/// </summary>
public sealed class ContentChecks : ICheckFamily
{
    public const string Typo = "content.typo";
    public const string Sensitive = "content.sensitive";
    public const string SeriousError = "veto.serious-error";

    /// <summary>Quotes per message: a page of spam can hold dozens of terms, the report needs a few.</summary>
    private const int QuotedPerMessage = 5;

    public IReadOnlyList<string> Rules { get; } = [Typo, Sensitive, SeriousError];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var dictionaries = ContentDictionaries.For(context.Options);
        var findings = new List<Finding>();
        Finding? veto = null;
        int pages = 0, typoPages = 0, sensitivePages = 0;
        foreach (var (url, page) in SitePages.WithHtml(observation))
        {
            context.Cancel.ThrowIfCancellationRequested();
            if (context.Document(page) is not { } document)
            {
                continue;
            }

            pages++;
            var text = PageText.Of(document);
            var typos = TypoMatcher.Find(text, dictionaries);
            if (typos.Count > 0)
            {
                typoPages++;
                var quoted = string.Join("；", typos.Take(QuotedPerMessage).Select(t => $"“{t.Written}”应为“{t.Right}”"));
                findings.Add(new Finding(Typo, Severity.Deduction, url, url, $"疑似错别字：{quoted}"));
            }

            // Sensitive terms count in hidden text too: hijacked pages hide their spam links from visitors.
            var visibleTerms = SensitiveTerms(text, dictionaries);
            var hiddenTerms = SensitiveTerms(PageText.HiddenOf(document), dictionaries).Except(visibleTerms).ToList();
            var terms = visibleTerms.Concat(hiddenTerms).ToList();
            if (terms.Count > 0)
            {
                sensitivePages++;
                var quoted = string.Join("、", terms.Take(QuotedPerMessage).Select(t => hiddenTerms.Contains(t) ? $"“{t.Word}”（隐藏内容）" : $"“{t.Word}”"));
                findings.Add(new Finding(Sensitive, Severity.Warning, url, url, $"含敏感词：{quoted}"));
            }

            if (veto is null)
            {
                var serious = typos.Where(t => t.Serious).Select(t => $"“{t.Written}”应为“{t.Right}”")
                    .Concat(terms.Where(t => t.Serious).Select(t => $"敏感内容“{t.Word}”"))
                    .Take(QuotedPerMessage)
                    .ToList();
                if (serious.Count > 0)
                {
                    veto = new Finding(SeriousError, Severity.Veto, observation.Homepage, url,
                        $"疑似严重表述错误（需人工确认）：{string.Join("；", serious)}");
                }
            }
        }

        if (veto is not null)
        {
            findings.Add(veto);
        }

        var measurements = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["content.pages"] = pages,
            ["content.typo.pages"] = typoPages,
            ["content.sensitive.pages"] = sensitivePages,
        };
        return new CheckResult(findings, measurements, []);
    }

    private static List<SensitiveTerm> SensitiveTerms(string text, ContentDictionaries dictionaries) =>
        dictionaries.SensitiveAutomaton.Matches(text)
            .Select(m => dictionaries.SensitiveTerms[m.Pattern])
            .Distinct()
            .ToList();
}
