namespace GovEval.Core.Results;

/// <summary>Each ranked unit's rank last round and this round, in this round's publication order.</summary>
public static class RankChanges
{
    public static IReadOnlyList<RankChange> Between(CohortResults before, CohortResults after)
    {
        var previous = before.Units.Where(u => u.Rank is not null).ToDictionary(u => u.Unit.Code, u => u.Rank, StringComparer.Ordinal);
        return after.Units
            .Where(u => u.Rank is not null || previous.ContainsKey(u.Unit.Code))
            .Select(u => new RankChange(u.Unit, after.Cohort.Id, previous.GetValueOrDefault(u.Unit.Code), u.Rank))
            .ToList();
    }
}
