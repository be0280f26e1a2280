namespace GovEval.Store.Entities;

/// <summary>A unit of a run's sample (抽查): when a run has any, only these members of its cohorts are assessed.</summary>
public sealed class RunUnitEntity
{
    public required string RunId { get; set; }

    public required string UnitCode { get; set; }
}
