using System.Collections.Concurrent;
using GovEval.Core.Errors;

namespace GovEval.Core.Frameworks;

/// <summary>
/// The frameworks shipped in frameworks/*.yaml (embedded), by id. A path to a .yaml file is accepted
/// wherever an id is, so evaluators can score with their own local variant.
/// </summary>
public static class FrameworkCatalog
{
    private static readonly ConcurrentDictionary<string, Framework> Loaded = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Ids { get; } = EmbeddedData.Names("frameworks")
        .Where(n => n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[..^".yaml".Length])
        .ToList();

    /// <summary>A shipped framework, or a file read within <see cref="FrameworkLimits.Current"/>.</summary>
    public static Framework Get(string idOrPath)
    {
        if (idOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || idOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return FrameworkLoader.LoadFile(idOrPath);
        }

        if (!Ids.Contains(idOrPath, StringComparer.Ordinal))
        {
            throw new InputException("--framework", $"unknown framework '{idOrPath}'; shipped: {string.Join(", ", Ids)} (or give a path to a .yaml file)");
        }

        return Loaded.GetOrAdd(idOrPath, id =>
        {
            using var reader = EmbeddedData.Open("frameworks", id + ".yaml");
            // Shipped files are ours and cached: the limits a command sets for the files it is given do not apply.
            return FrameworkLoader.Load(reader, $"frameworks/{id}.yaml", FrameworkLimits.Default);
        });
    }
}
