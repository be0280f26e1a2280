namespace GovEval.Checks;

/// <summary>What every family may share for one site: options and lazily parsed documents.</summary>
public sealed class CheckContext(CheckOptions options)
{
    public CheckOptions Options { get; } = options;
}
