using System.Text.Json;
using CsCheck;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Rules;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Scoring;

/// <summary>Properties every framework's scoring must keep, whatever a site looks like.</summary>
public sealed class ScoringPropertyTests
{
    private static readonly string[] WebsiteRules = RuleCatalogue.All.Where(r => r.Website).Select(r => r.Id).ToArray();

    private static readonly Gen<Finding> FindingGen =
        from rule in Gen.OneOf(WebsiteRules)
        from host in Gen.Int[0, 3]
        from path in Gen.Int[0, 12]
        from page in Gen.Int[0, 3]
        select new Finding(rule, Severity.Deduction, $"http://h{host}.example.gov.cn/p{path}.html", $"http://www.example.gov.cn/page{page}.html", "finding");

    private static Gen<ScoringInput> InputGen(Framework framework) =>
        from findings in FindingGen.Array[0, 40]
        from share in Gen.Int[0, 120]
        from items in Gen.Int[0, 30]
        from portal in Gen.Bool
        from services in Gen.Bool
        from collected in Gen.Frequency((9, Gen.Const(true)), (1, Gen.Const(false)))
        from notMeasured in Gen.OneOf(WebsiteRules).Array[0, 3]
        from choices in Gen.Int[0, 1000].Array[framework.Indicators().Count()]
        select new ScoringInput(
            "U1",
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["portal"] = [portal ? "true" : "false"],
                ["externalServices"] = [services ? "true" : "false"],
            },
            findings,
            new Dictionary<string, decimal> { ["availability.share"] = share / 1000m, ["homepage.itemsLast2Weeks"] = items },
            notMeasured.Select(r => new NotMeasured(r, "scanner fault")).ToList(),
            ValidInputs(framework, choices),
            collected);

    // A valid value for every input leaf, chosen by the generated numbers (some left empty).
    private static List<ExpertInput> ValidInputs(Framework framework, int[] choices)
    {
        var inputs = new List<ExpertInput>();
        var i = 0;
        foreach (var leaf in framework.Indicators().Where(l => l.IsLeaf && InputRules.AcceptsInput(l)))
        {
            var choice = choices[i++ % choices.Length];
            if (choice % 7 == 0)
            {
                continue;
            }

            string value;
            if (leaf.Rule == RuleKind.Veto)
            {
                value = choice % 5 == 0 ? "是" : "否";
            }
            else if (leaf.Options is { } options)
            {
                value = options.Keys.ElementAt(choice % options.Count);
            }
            else
            {
                var (min, max) = InputRules.Bounds(leaf);
                value = (min + ((max - min) * (choice % 101) / 100m)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            inputs.Add(new ExpertInput("U1", leaf.InputKey, value, null, "tester", $"inputs.csv:{i + 1}"));
        }

        return inputs;
    }

    public static TheoryData<string> Frameworks() => new(FrameworkCatalog.Ids);

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Totals_stay_within_zero_and_the_framework_maximum(string id)
    {
        var framework = FrameworkCatalog.Get(id);
        InputGen(framework).Sample(input =>
        {
            var sheet = ScoringEngine.Score(framework, input);
            return sheet.Total >= 0 && sheet.Total <= framework.Max && (!sheet.Vetoed || sheet.Total == 0);
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Adding_a_finding_never_raises_a_score(string id)
    {
        var framework = FrameworkCatalog.Get(id);
        InputGen(framework).Select(FindingGen).Sample((input, extra) =>
        {
            var before = ScoringEngine.Score(framework, input);
            var after = ScoringEngine.Score(framework, input with { Findings = [.. input.Findings, extra] });
            return after.Total <= before.Total;
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_order_of_findings_inputs_and_faults_never_changes_the_sheet(string id)
    {
        var framework = FrameworkCatalog.Get(id);
        InputGen(framework).Select(Gen.Int).Sample((input, seed) =>
        {
            var random = new Random(seed);
            var shuffled = input with
            {
                Findings = input.Findings.OrderBy(_ => random.Next()).ToList(),
                Inputs = input.Inputs.OrderBy(_ => random.Next()).ToList(),
                NotMeasured = input.NotMeasured.OrderBy(_ => random.Next()).ToList(),
            };
            return Json(ScoringEngine.Score(framework, input)) == Json(ScoringEngine.Score(framework, shuffled));
        }, iter: 200);
    }

    private static string Json(ScoreSheet sheet) => JsonSerializer.Serialize(sheet);
}
