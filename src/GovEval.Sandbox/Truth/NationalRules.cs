using GovEval.Core.Frameworks;

namespace GovEval.Sandbox.Truth;

/// <summary>
/// The numbers of the national check's rules as its framework states them (gov-website-check-2019's checks block):
/// the simulated web plans its defects around them and its truth is judged by them unless a caller gives other
/// numbers (a province's variant). Read from the framework, never copied into the sandbox.
/// </summary>
public static class NationalRules
{
    public const string FrameworkId = "gov-website-check-2019";

    public static CheckParameters Checks => FrameworkCatalog.Get(FrameworkId).Checks!;
}
