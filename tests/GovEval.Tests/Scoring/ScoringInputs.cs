using GovEval.Core.Observations;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Scoring;

/// <summary>Builds scoring inputs for tests: a collected site with facts, findings, measurements and inputs.</summary>
internal sealed class ScoringInputs
{
    private readonly List<Finding> findings = [];
    private readonly List<NotMeasured> notMeasured = [];
    private readonly List<ExpertInput> inputs = [];
    private readonly Dictionary<string, decimal> measurements = new()
    {
        ["availability.share"] = 0m,
        ["homepage.itemsLast2Weeks"] = 12m,
    };

    private bool portal = true;
    private bool externalServices = true;
    private bool collected = true;

    public static ScoringInputs Site() => new();

    public ScoringInputs With(string rule, string url, string? page = "http://www.example.gov.cn/")
    {
        findings.Add(new Finding(rule, Severity.Deduction, url, page, $"{rule} at {url}", new Evidence("crawl-00001.warc.gz", $"<urn:uuid:{Guid.NewGuid()}>", new string('a', 64), DateTimeOffset.Parse("2020-11-30T08:00:00Z"))));
        return this;
    }

    public ScoringInputs WithMany(string rule, int count)
    {
        for (var i = 0; i < count; i++)
        {
            With(rule, $"http://www.example.gov.cn/{rule}/{i}.html");
        }

        return this;
    }

    public ScoringInputs Measure(string name, decimal value)
    {
        measurements[name] = value;
        return this;
    }

    public ScoringInputs NotMeasured(string rule, string reason = "scanner timeout")
    {
        notMeasured.Add(new NotMeasured(rule, reason));
        return this;
    }

    public ScoringInputs Input(string indicator, string value, string source = "inputs.csv:2")
    {
        inputs.Add(new ExpertInput("440300", indicator, value, "http://evidence.example/", "张三", source));
        return this;
    }

    public ScoringInputs NotPortal()
    {
        portal = false;
        return this;
    }

    public ScoringInputs NoExternalServices()
    {
        externalServices = false;
        return this;
    }

    public ScoringInputs NotCollected()
    {
        collected = false;
        return this;
    }

    public ScoringInput Build() => new(
        "440300",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["portal"] = [portal ? "true" : "false"],
            ["externalServices"] = [externalServices ? "true" : "false"],
        },
        findings.ToList(),
        new Dictionary<string, decimal>(measurements),
        notMeasured.ToList(),
        inputs.ToList(),
        collected);
}
