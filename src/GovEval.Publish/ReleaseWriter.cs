using GovEval.Core.Results;
using GovEval.Publish.Csv;
using GovEval.Publish.Html;
using GovEval.Publish.Json;
using GovEval.Publish.Xlsx;

namespace GovEval.Publish;

/// <summary>
/// Writes a release in the requested formats into an output folder, staged (<see cref="StagedFolder"/>): a failure
/// leaves the output folder as it was, never a half-written release. Files no release wrote are kept.
/// </summary>
public sealed class ReleaseWriter
{
    /// <summary>Rows per worksheet before the score detail continues on another sheet (Excel's limit by default).</summary>
    public int XlsxRowLimit { get; init; } = ResultsWorkbook.ExcelRowLimit;

    /// <returns>The files written, relative to <paramref name="outputDirectory"/>, with '/' separators.</returns>
    public IReadOnlyList<string> Write(Release release, string outputDirectory, IReadOnlyCollection<ReleaseFormat> formats, EvidenceArchive? evidence = null) =>
        StagedFolder.Write(outputDirectory, staging => WriteInto(release, staging, formats, evidence));

    /// <summary>Writes the release into an existing folder, unstaged: the caller stages (a bundle stages all its parts at once).</summary>
    internal List<string> WriteInto(Release release, string directory, IReadOnlyCollection<ReleaseFormat> formats, EvidenceArchive? evidence = null)
    {
        var written = new List<string>();
        foreach (var format in formats.Distinct())
        {
            written.AddRange(format switch
            {
                ReleaseFormat.Json => [ResultsJson.Write(release, directory)],
                ReleaseFormat.Csv => ResultsCsv.Write(release, directory),
                ReleaseFormat.Xlsx => [ResultsWorkbook.Write(release, directory, XlsxRowLimit)],
                ReleaseFormat.Html => HtmlRelease.Write(release, directory, evidence),
                _ => throw new ArgumentOutOfRangeException(nameof(formats), format, "unknown format"),
            });
        }

        return written;
    }
}
