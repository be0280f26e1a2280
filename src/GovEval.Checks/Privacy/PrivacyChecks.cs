using GovEval.Checks.Text;
using GovEval.Core.Observations;

namespace GovEval.Checks.Privacy;

/// <summary>
/// privacy.pii: unmasked personal data in a page's visible text, one finding per page. Everything the finding
/// carries is masked (4403**********123X): a report that quoted the number would publish it a second time.
/// </summary>
public sealed class PrivacyChecks : ICheckFamily
{
    public const string Pii = "privacy.pii";

    private const int QuotedPerMessage = 5;

    public IReadOnlyList<string> Rules { get; } = [Pii];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var findings = new List<Finding>();
        var today = DateOnly.FromDateTime(observation.Now.Date);
        var cards = CardDictionaries.For(context.Options);
        int values = 0;
        foreach (var (url, page) in SitePages.WithHtml(observation))
        {
            if (context.Document(page) is not { } document)
            {
                continue;
            }

            var hits = PiiScanner.Find(PageText.Of(document), today, cards);
            if (hits.Count == 0)
            {
                continue;
            }

            values += hits.Count;
            var kinds = string.Join("、", hits.Select(h => h.Kind).Distinct().Select(Name));
            var quoted = string.Join("，", hits.Take(QuotedPerMessage).Select(h => h.Masked));
            var more = hits.Count > QuotedPerMessage ? $"等{hits.Count}处" : $"共{hits.Count}处";
            findings.Add(new Finding(Pii, Severity.Deduction, url, url, $"页面公开了未脱敏的个人信息（{kinds}）：{quoted}{more}"));
        }

        var measurements = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["privacy.pii.pages"] = findings.Count,
            ["privacy.pii.values"] = values,
        };
        return new CheckResult(findings, measurements, []);
    }

    private static string Name(PiiKind kind) => kind switch
    {
        PiiKind.CitizenId => "身份证号码",
        PiiKind.BankCard => "银行卡号",
        _ => "手机号码",
    };
}
