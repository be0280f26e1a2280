using GovEval.Core.Observations;

namespace GovEval.Store.Imports;

/// <summary>
/// Checks an expert input against the run's framework (is the indicator an input leaf, is the value one of
/// its options or inside its range). The reader checks units and empty cells itself; what an indicator
/// accepts is the framework's business, so the scoring side supplies this.
/// </summary>
public interface IInputValidator
{
    /// <summary>Null when the input is acceptable, else which field is wrong and why.</summary>
    InputRejection? Check(ExpertInput input);
}

/// <summary>Why an input was refused. <see cref="Field"/> is "indicator" or "value" (mapped to the file's header).</summary>
public sealed record InputRejection(string Field, string Message);
