using GovEval.Core.Results;

namespace GovEval.Publish.Html;

/// <summary>Writes index.html and, for releases with score sheets, units/&lt;code&gt;.html for every unit.</summary>
public static class HtmlRelease
{
    internal static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="evidence">Captured pages by unit code, shown in each unit's score sheet (null: none).</param>
    public static IReadOnlyList<string> Write(Release release, string directory, EvidenceArchive? evidence = null)
    {
        var written = new List<string>();
        var index = Path.Combine(directory, ReleasePage.FileName);
        File.WriteAllText(index, ReleasePage.Render(release), Utf8);
        written.Add(index);
        if (release.Sheets.Count > 0)
        {
            var units = Directory.CreateDirectory(Path.Combine(directory, UnitPages.Folder)).FullName;
            var lookup = new ReleaseLookup(release);
            foreach (var sheet in lookup.SheetsInOrder())
            {
                var path = Path.Combine(units, UnitPages.FileName(sheet.UnitCode));
                File.WriteAllText(path, ScoreSheetPage.Render(lookup, sheet, evidence?.Of(sheet.UnitCode)), Utf8);
                written.Add(path);
            }
        }

        return written;
    }
}
