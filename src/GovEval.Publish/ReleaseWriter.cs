using GovEval.Core.Errors;
using GovEval.Core.Results;
using GovEval.Publish.Csv;
using GovEval.Publish.Html;
using GovEval.Publish.Json;
using GovEval.Publish.Xlsx;

namespace GovEval.Publish;

/// <summary>
/// Writes a release in the requested formats into an output folder. Everything is first written to a staging
/// folder beside it and only then moved into place, so a failure (a renderer error, a full disk) leaves the
/// output folder as it was: never a half-written release. Files of other names already in the folder are kept.
/// </summary>
public sealed class ReleaseWriter
{
    /// <summary>Rows per worksheet before the score detail continues on another sheet (Excel's limit by default).</summary>
    public int XlsxRowLimit { get; init; } = ResultsWorkbook.ExcelRowLimit;

    /// <returns>The files written, relative to <paramref name="outputDirectory"/>, with '/' separators.</returns>
    public IReadOnlyList<string> Write(Release release, string outputDirectory, IReadOnlyCollection<ReleaseFormat> formats)
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
            var written = new List<string>();
            foreach (var format in formats.Distinct())
            {
                written.AddRange(format switch
                {
                    ReleaseFormat.Json => [ResultsJson.Write(release, staging)],
                    ReleaseFormat.Csv => ResultsCsv.Write(release, staging),
                    ReleaseFormat.Xlsx => [ResultsWorkbook.Write(release, staging, XlsxRowLimit)],
                    ReleaseFormat.Html => HtmlRelease.Write(release, staging),
                    _ => throw new ArgumentOutOfRangeException(nameof(formats), format, "unknown format"),
                });
            }

            var relative = written.Select(p => Path.GetRelativePath(staging, p).Replace(Path.DirectorySeparatorChar, '/')).ToList();
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
    /// sub-folder (units/) replaces the old one whole so no score sheet of a unit no longer published survives.
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
