using GovEval.Checks;
using GovEval.Core;
using GovEval.Core.Frameworks;

namespace GovEval.TestSupport;

/// <summary>
/// The numbers of the rules as the shipped frameworks state them. Tests judge with these (never with a copy of the
/// numbers), so a test that needs "the national 2 weeks" reads it from the national framework's checks block.
/// Linked into the test projects that run checks.
/// </summary>
internal static class ShippedRules
{
    public const string NationalId = "gov-website-check-2019";

    /// <summary>The national website check (gov-website-check-2019).</summary>
    public static Framework National => FrameworkCatalog.Get(NationalId);

    /// <summary>Its checks block.</summary>
    public static CheckParameters Checks => National.Checks!;

    /// <summary>What the checks judge with under the national framework.</summary>
    public static CheckOptions Options { get; } = CheckOptions.From(FrameworkCatalog.Get(NationalId));

    /// <summary>The <c>checks:</c> block of a shipped framework as YAML text (it ends the file), to append to a framework a test writes.</summary>
    public static string ChecksBlock(string id)
    {
        var text = Text(id);
        return text[text.IndexOf("\nchecks:\n", StringComparison.Ordinal)..];
    }

    /// <summary>The YAML text of a shipped framework, for tests that copy it and change a value.</summary>
    public static string Text(string id)
    {
        using var reader = EmbeddedData.Open("frameworks", id + ".yaml");
        return reader.ReadToEnd();
    }
}
