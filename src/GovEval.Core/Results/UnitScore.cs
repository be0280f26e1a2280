using GovEval.Core.Registry;

namespace GovEval.Core.Results;

/// <summary>
/// What ranking and grading start from: a unit's total (null when only a grade is known, e.g. last year's grade
/// table), whether a veto hit, the grade already decided elsewhere (the engine, or a grade column), and the
/// position it had in its input (row order of a scores file) for cohorts whose ties follow the input.
/// <see cref="NotAssessedReason"/> says why a unit without a total or grade has none (the score sheet's reason).
/// </summary>
public sealed record UnitScore(Unit Unit, decimal? Total, bool Vetoed, string? Grade, int InputOrder, string? NotAssessedReason = null);
