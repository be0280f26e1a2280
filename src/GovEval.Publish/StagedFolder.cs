using GovEval.Core.Errors;

namespace GovEval.Publish;

/// <summary>
/// The publishing rule every release follows: everything is first written to a staging folder beside the output
/// folder and only then moved into place, so a failure (a renderer error, a full disk) leaves the output folder as
/// it was: never a half-written release. Files of other names already in the folder are kept.
/// </summary>
internal static class StagedFolder
{
    /// <param name="write">Writes into the staging folder it is given and returns the full paths it wrote.</param>
    /// <returns>The files written, relative to <paramref name="outputDirectory"/>, with '/' separators.</returns>
    public static IReadOnlyList<string> Write(string outputDirectory, Func<string, IEnumerable<string>> write)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (File.Exists(target))
        {
            throw new InputException("--out", $"{outputDirectory} is a file; give a folder for the release");
        }

        var parent = Path.GetDirectoryName(target) ?? throw new InputException("--out", $"cannot publish into the root folder {target}");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var relative = write(staging)
                .Select(p => Path.GetRelativePath(staging, p).Replace(Path.DirectorySeparatorChar, '/'))
                .ToList();
            MoveIntoPlace(staging, target);
            return relative;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// A new folder is one rename. Into an existing folder each file is renamed over its old version, and a
    /// sub-folder (units/, a bundle's part) replaces the old one whole so nothing no longer published survives.
    /// </summary>
    private static void MoveIntoPlace(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        foreach (var file in Directory.GetFiles(staging))
        {
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(staging))
        {
            var destination = Path.Combine(target, Path.GetFileName(folder));
            var old = Path.Combine(staging, ".replaced-" + Path.GetFileName(folder));
            if (Directory.Exists(destination))
            {
                Directory.Move(destination, old);
            }

            Directory.Move(folder, destination);
        }
    }
}
