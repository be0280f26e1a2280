using GovEval.Core.Registry;
using GovEval.Core.Results;

namespace GovEval.Tests.Results;

/// <summary>Small made-up units and cohorts for ranking rules that the real registry would only obscure.</summary>
internal static class TestUnits
{
    private static readonly CohortSelector Everyone = new([], [], [], [], [], [], []);

    /// <summary>Units U1..Un with official order 10, 20, … (so official order is U1 first).</summary>
    public static IReadOnlyList<Unit> Make(int count) =>
        Enumerable.Range(1, count).Select(i => new Unit($"U{i}", $"单位{i}", $"单位{i}简称", UnitLevel.Central, "state-council-body", null, i * 10, [])).ToList();

    public static Cohort Ranked(int top = 10, int precision = 1, TieOrder tieOrder = TieOrder.Official) =>
        new("test-ranked", "测试部门", "测试部门", CohortResult.Ranked, top, precision, tieOrder, "注：排名相同按照国务院机构序列排序", Everyone);

    public static Cohort Graded(TieOrder tieOrder = TieOrder.Official) =>
        new("test-graded", "测试省级", "测试省级", CohortResult.Graded, 10, 1, tieOrder, "注：按照行政区划排序，排名不分先后", Everyone);

    /// <summary>Scores in input order: (unit index (1-based), total, vetoed).</summary>
    public static Dictionary<string, UnitScore> Scores(IReadOnlyList<Unit> units, params (int Unit, decimal Total, bool Vetoed)[] rows) =>
        rows.Select((r, index) => new UnitScore(units[r.Unit - 1], r.Total, r.Vetoed, null, index))
            .ToDictionary(s => s.Unit.Code);
}
