using GovEval.Core.Scoring;

namespace GovEval.Tests.Results;

/// <summary>Score sheets as the engine states them, for building releases from a run.</summary>
internal static class TestSheets
{
    public static ScoreSheet Capability(string code, decimal total, string? grade, bool dataOffice, bool vetoed = false) => new(
        code,
        "digital-gov-capability-2020",
        "2020.1",
        "engine-1",
        total,
        110m,
        vetoed,
        vetoed ? ["veto.security"] : [],
        grade,
        new ScoreNode("root", "数字政府服务能力", NodeStatus.Scored, 110m, total,
            [],
            [
                new ScoreNode("data-office", "政务数据统筹管理机构", NodeStatus.Scored, 5m, dataOffice ? 5m : 0m,
                    dataOffice ? [new ScoreLine("已明确政务数据统筹管理机构", 5m, [new EvidenceRef("input", Source: "inputs.csv:12", Assessor: "张三", Value: "是")])] : [],
                    []),
                new ScoreNode("service", "服务", NodeStatus.Scored, 105m, total - (dataOffice ? 5m : 0m), [], []),
            ]),
        []);
}
