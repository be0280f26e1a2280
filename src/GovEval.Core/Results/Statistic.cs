namespace GovEval.Core.Results;

/// <summary>A count within a cohort with its share to one decimal: 23个省级（占比71.9%）.</summary>
public sealed record StatisticItem(string CohortId, string CohortName, int Count, int Total, decimal Share, string Text);

/// <summary>
/// One published finding about many units: "23个省级（占比71.9%）和31个重点城市（占比96.9%）明确了政务数据统筹管理机构".
/// </summary>
public sealed record StatisticGroup(string Subject, IReadOnlyList<StatisticItem> Items, string Sentence);
