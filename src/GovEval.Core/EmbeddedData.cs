using System.Reflection;

namespace GovEval.Core;

/// <summary>
/// Data shipped inside the assembly (data/registry and frameworks): the tool must work from any
/// directory and a user's clone has no ../shared.
/// </summary>
public static class EmbeddedData
{
    private static readonly Assembly Assembly = typeof(EmbeddedData).Assembly;

    public static IEnumerable<string> Names(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder + "/", StringComparison.Ordinal))
            .Select(n => n[(folder.Length + 1)..])
            .Order(StringComparer.Ordinal);

    public static TextReader Open(string folder, string name) =>
        new StreamReader(
            Assembly.GetManifestResourceStream($"{folder}/{name}")
                ?? throw new FileNotFoundException($"embedded {folder}/{name} is missing from the build"));
}
