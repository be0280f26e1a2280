namespace GovEval.Core.Registry;

/// <summary>A row of the State Council structure (国务院机构序列) in one reform's structure.</summary>
public sealed record StateCouncilBody(int Structure, int Seq, string Tier, string Name, string Short, string? Supervisor);
