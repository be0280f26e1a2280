using System.IO.Compression;
using System.Text;

namespace GovEval.Tests.Tables;

/// <summary>
/// Writes a workbook part by part, as raw XML in a zip, so a test can craft what no spreadsheet program writes:
/// a sheet declaring millions of rows, an impossible cell reference, a DTD, a missing part.
/// </summary>
public static class RawXlsx
{
    public const string ContentTypesName = "[Content_Types].xml";
    public const string WorkbookName = "xl/workbook.xml";
    public const string SheetName = "xl/worksheets/sheet1.xml";
    public const string SharedStringsName = "xl/sharedStrings.xml";

    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The parts of a one-sheet workbook; replace or remove entries, then <see cref="Write"/>.</summary>
    public static Dictionary<string, string> Parts(string sheetData, params string[] sharedStrings) => new(StringComparer.Ordinal)
    {
        [ContentTypesName] =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""",
        ["_rels/.rels"] =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
        [WorkbookName] = Workbook("rId1"),
        ["xl/_rels/workbook.xml.rels"] =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""",
        [SharedStringsName] = SharedStrings(sharedStrings),
        [SheetName] = Sheet(sheetData),
    };

    public static string Workbook(string sheetRelationship) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="{sheetRelationship}"/></sheets></workbook>""";

    public static string Sheet(string sheetData) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""";

    public static string SharedStrings(params string[] items) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{Main}" count="{items.Length}" uniqueCount="{items.Length}">{string.Concat(items.Select(i => $"<si><t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(i)}</t></si>"))}</sst>""";

    /// <summary>An inline-string cell: the text is escaped for XML, nothing else.</summary>
    public static string Cell(string reference, string text) =>
        $"""<c r="{reference}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>""";

    public static void Write(string path, IReadOnlyDictionary<string, string> parts) =>
        Write(path, parts.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value)));

    public static void Write(string path, IReadOnlyDictionary<string, byte[]> parts)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in parts)
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(content);
        }
    }

    /// <summary>A sheet part streamed into the zip, for sheets too big to build as one string.</summary>
    public static void WriteWithSheet(string path, IReadOnlyDictionary<string, string> parts, Action<Stream> writeSheet)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in parts.Where(p => p.Key != SheetName))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            entry.Write(Encoding.UTF8.GetBytes(content));
        }

        using var sheet = zip.CreateEntry(SheetName, CompressionLevel.Optimal).Open();
        writeSheet(sheet);
    }
}
