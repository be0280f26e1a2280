using GovEval.Core.Errors;

namespace GovEval.Publish;

/// <summary>
/// The publishing rule every release follows: everything is first written to a staging folder beside the output
/// folder, and the finished folder then takes the output folder's place in one step (<see cref="FolderSwap"/>). A
/// failure or a kill -9 at any moment leaves either the old release or the new one, never a mix; what a killed
/// publish left beside the output is put right by the next one (<see cref="PublishOperation"/>). Files in the
/// output folder that no release wrote (a person's notes) are carried over into the new folder, so republishing
/// deletes only files of the previous release (<see cref="ReleaseManifest"/>).
/// </summary>
internal static class StagedFolder
{
    /// <param name="write">Writes into the staging folder it is given and returns the full paths it wrote.</param>
    /// <returns>The files written, relative to <paramref name="outputDirectory"/>, with '/' separators.</returns>
    public static IReadOnlyList<string> Write(string outputDirectory, Func<string, IEnumerable<string>> write)
    {
        var target = OutputFolder(outputDirectory);
        using var operation = Begin(target);
        var relative = write(operation.Staging)
            .Select(p => Path.GetRelativePath(operation.Staging, p).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        ReleaseManifest.Write(operation.Staging, relative);
        if (Directory.Exists(target))
        {
            ReleaseManifest.CarryOverOtherFiles(target, operation.Staging, relative);
            FolderSwap.Replace(target, operation.Staging, operation.Replaced);
        }
        else
        {
            Directory.Move(operation.Staging, target);
        }

        return relative;
    }

    /// <summary>Puts right what killed publishes left and starts this one; a folder it cannot write is bad input.</summary>
    private static PublishOperation Begin(string target)
    {
        var parent = Path.GetDirectoryName(target) ?? throw new InputException("--out", $"cannot publish into the root folder {target}");
        try
        {
            Directory.CreateDirectory(parent);
            PublishOperation.RecoverAbandoned(target);
            return PublishOperation.Start(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("--out", $"cannot write a release into {target}: {e.Message}");
        }
    }

    /// <summary>The full path of the output folder, refused when it cannot be one (empty, a file, a device).</summary>
    private static string OutputFolder(string outputDirectory)
    {
        if (string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new InputException("--out", "is empty: give the folder to write the release into");
        }

        string target;
        try
        {
            target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException("--out", $"'{outputDirectory}' is not a usable path: {e.Message}");
        }

        if (File.Exists(target))
        {
            throw new InputException("--out", $"{outputDirectory} is a file; give a folder for the release");
        }

        // A link to a folder is published through: the folder it names is replaced, the link stays.
        return Directory.Exists(target) && new DirectoryInfo(target).ResolveLinkTarget(returnFinalTarget: true) is { } linked
            ? linked.FullName.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            : target;
    }
}
