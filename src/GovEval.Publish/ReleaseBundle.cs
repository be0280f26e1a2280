using GovEval.Core.Results;
using GovEval.Publish.Html;

namespace GovEval.Publish;

/// <summary>One release of a bundle and the sub-folder its files go to ("capability-2020").</summary>
public sealed record BundlePart(string Folder, Release Release)
{
    /// <summary>The captured pages behind the part's findings, shown in its score sheets.</summary>
    public EvidenceArchive? Evidence { get; init; }
}

/// <summary>
/// Several scored runs published as one: a combined index.html in the form of the 2020 release
/// (<see cref="BundlePage"/>) and, in a sub-folder per part, that part's full release as <see cref="ReleaseWriter"/>
/// writes it. All of it is staged together (<see cref="StagedFolder"/>), so a failing part leaves the whole output
/// folder as it was.
/// </summary>
public static class ReleaseBundle
{
    /// <param name="formats">
    /// The formats of each part's release. HTML is always written: the combined page links every part's
    /// index.html and score sheets.
    /// </param>
    /// <returns>The files written, relative to <paramref name="directory"/>, with '/' separators.</returns>
    public static IReadOnlyList<string> Write(string title, IReadOnlyList<BundlePart> parts, string directory, IReadOnlyCollection<ReleaseFormat> formats)
    {
        Check(parts);
        var partFormats = formats.Append(ReleaseFormat.Html).Distinct().ToList();
        var html = BundlePage.Render(title, parts);
        var writer = new ReleaseWriter();
        return StagedFolder.Write(directory, staging =>
        {
            var written = new List<string>();
            var index = Path.Combine(staging, ReleasePage.FileName);
            File.WriteAllText(index, html, HtmlRelease.Utf8);
            written.Add(index);
            foreach (var part in parts)
            {
                written.AddRange(writer.WriteInto(part.Release, Directory.CreateDirectory(Path.Combine(staging, part.Folder)).FullName, partFormats, part.Evidence));
            }

            return written;
        });
    }

    /// <summary>
    /// A part's folder is one plain name, so that it can neither leave the output folder nor clash with index.html,
    /// a staging folder (leading dot) or another part on a case-insensitive file system.
    /// </summary>
    private static void Check(IReadOnlyList<BundlePart> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("a bundle needs at least one release", nameof(parts));
        }

        foreach (var part in parts)
        {
            if (part.Folder.Length == 0 || part.Folder[0] is '.' or '-' || !part.Folder.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                || part.Folder.Equals(ReleasePage.FileName, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"folder '{part.Folder}' is not a plain name (letters, digits, '-', '_', '.'; not starting with '.' or '-')", nameof(parts));
            }
        }

        var twice = parts.GroupBy(p => p.Folder, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"folder '{twice.Key}' is given to {twice.Count()} parts", nameof(parts));
        }
    }
}
