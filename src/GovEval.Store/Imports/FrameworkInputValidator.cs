using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Scoring;

namespace GovEval.Store.Imports;

/// <summary>
/// Refuses inputs the run's framework cannot use: an indicator that is not one of its input leaves, or a
/// value outside the leaf's options or range. The rules are the engine's (<see cref="InputRules"/>), so an
/// imported value is accepted exactly when scoring can use it.
/// </summary>
public sealed class FrameworkInputValidator(Framework framework) : IInputValidator
{
    private readonly IReadOnlyList<string> inputKeys = framework.Indicators()
        .Where(i => i.IsLeaf && InputRules.AcceptsInput(i))
        .Select(i => i.InputKey)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public InputRejection? Check(ExpertInput input)
    {
        if (InputRules.Target(framework, input.Indicator) is not { } leaf)
        {
            var known = inputKeys.Count <= 12 ? string.Join(", ", inputKeys) : string.Join(", ", inputKeys.Take(12)) + ", …";
            return new InputRejection("indicator", $"'{input.Indicator}' is not an input of {framework.Id} {framework.Version} (inputs: {known}; 'goveval frameworks show {framework.Id}' lists them)");
        }

        return InputRules.Problem(leaf, input.Value) is { } problem ? new InputRejection("value", problem) : null;
    }
}
