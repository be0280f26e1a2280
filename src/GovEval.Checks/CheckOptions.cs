namespace GovEval.Checks;

/// <summary>Options of a check run (dictionaries, thresholds that are readings of the rules, not points).</summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();
}
