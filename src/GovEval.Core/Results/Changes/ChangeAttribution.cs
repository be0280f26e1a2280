namespace GovEval.Core.Results.Changes;

/// <summary>What became of one thing a score rests on between two rounds.</summary>
public enum ChangeKind
{
    /// <summary>Only this round has it (a new finding, a new input).</summary>
    Appeared,

    /// <summary>Only the earlier round had it (a finding no longer found).</summary>
    Disappeared,

    /// <summary>Both rounds have it, with another value (an input changed, a measurement moved, a finding's message).</summary>
    Changed,
}

/// <summary>
/// One reason an indicator's points moved. <see cref="Kind"/> is <c>finding</c> (<see cref="Rule"/> + <see cref="Url"/>),
/// <c>input</c> (<see cref="Source"/> is its row, <see cref="Evidence"/> what the assessor cited), <c>measurement</c>, <c>veto</c>, or what is not a thing that changed but still moves points:
/// <c>status</c> (the indicator went from not measured to measured, or the reverse), <c>rescale</c> (its group is
/// rescaled differently because other indicators applied or were measured differently) and <c>gate</c> (a bonus gate
/// opened or closed). <see cref="Points"/> is the move of the unit's total, rounded to the attribution's decimals.
/// </summary>
public sealed record ChangeItem(
    string Kind,
    ChangeKind? Change,
    string? Rule,
    string? Url,
    string? Page,
    string? Source,
    string? Evidence,
    string? Before,
    string? After,
    decimal Points,
    string Text);

/// <summary>
/// One leaf indicator's part of a unit's change: <see cref="Points"/> is what it moved the total (its items add up
/// to it exactly), under <see cref="Group"/>, the group right above it (the leaf itself when it sits under the root).
/// </summary>
public sealed record IndicatorChange(string Indicator, string Name, string Group, string GroupName, decimal Points, IReadOnlyList<ChangeItem> Items);

/// <summary>
/// Why a unit's total moved between two rounds. The indicators' points and <see cref="Rounding"/> (what rounding the
/// published totals and the framework's intermediate precisions leaves over) add up to <see cref="Delta"/> exactly.
/// <see cref="Note"/> says when the rounds cannot be compared item by item (other frameworks) or a veto decided.
/// </summary>
public sealed record UnitChange(
    string Code,
    decimal Before,
    decimal After,
    decimal Delta,
    IReadOnlyList<IndicatorChange> Indicators,
    decimal Rounding,
    string? Note,
    bool ByIndicatorOnly);

/// <summary>
/// Change attribution between a release's round and an earlier one (<c>publish --compare</c>), per unit assessed in
/// both. <see cref="SameFramework"/> is false when some unit's rounds were scored with different frameworks or
/// versions: those units are attributed per indicator only (<see cref="UnitChange.ByIndicatorOnly"/>).
/// </summary>
public sealed record ChangeAttribution(
    string? PreviousRun,
    string Framework,
    string PreviousFramework,
    bool SameFramework,
    int Decimals,
    IReadOnlyDictionary<string, UnitChange> Units);
