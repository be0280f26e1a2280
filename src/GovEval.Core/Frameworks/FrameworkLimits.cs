using System.Globalization;

namespace GovEval.Core.Frameworks;

/// <summary>
/// Resource limits of reading a framework file. They protect the tool from a hostile or broken file (a YAML
/// bomb, nesting that would exhaust the stack); they are not rules of any assessment. Shipped frameworks need
/// a nesting depth of about a dozen and a few tens of thousands of characters.
/// </summary>
public sealed record FrameworkLimits
{
    /// <summary>The command-line option that sets <see cref="MaxDepth"/> (named in the message when it trips).</summary>
    public const string DepthOption = "--framework-max-depth";

    /// <summary>The command-line option that sets <see cref="MaxCharacters"/>.</summary>
    public const string SizeOption = "--framework-max-size";

    /// <summary>
    /// The highest <see cref="MaxDepth"/> accepted: schema validation and the indicator tree are walked
    /// recursively, and a thousand levels stay far from any stack limit.
    /// </summary>
    public const int DepthCeiling = 1000;

    private static readonly AsyncLocal<FrameworkLimits?> Ambient = new();

    public static FrameworkLimits Default { get; } = new();

    /// <summary>
    /// The limits in force for this command: the command line sets them once (<see cref="Use"/>), and every
    /// framework read through <see cref="FrameworkCatalog"/> (any verb's --framework FILE, a run's stored path)
    /// obeys them without each verb passing them along.
    /// </summary>
    public static FrameworkLimits Current => Ambient.Value ?? Default;

    /// <summary>Deepest nesting of lists and mappings (the document's top mapping is level 1).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most characters a framework file may hold.</summary>
    public long MaxCharacters { get; init; } = 1 << 20;

    /// <summary>Makes these limits <see cref="Current"/> for the calling flow (an async local: parallel commands keep their own).</summary>
    public static void Use(FrameworkLimits limits) => Ambient.Value = limits;

    internal string DepthMessage =>
        $"nested too deep: more than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels of lists and mappings " +
        $"(a framework needs about a dozen; raise the limit with {DepthOption} N, at most {DepthCeiling.ToString(CultureInfo.InvariantCulture)})";

    internal string SizeMessage =>
        $"the file is larger than {MaxCharacters.ToString(CultureInfo.InvariantCulture)} characters " +
        $"(a framework needs a few tens of thousands; raise the limit with {SizeOption} N)";
}
