using System.IO.Compression;
using System.Text;
using CsCheck;
using GovEval.Tests.Cli;

namespace GovEval.Tests.Tables;

/// <summary>
/// Fuzzed XLSX files through <c>registry import</c> and <c>inputs import</c> in-process: random bytes, random zip
/// contents, workbooks whose XML is mutated with what breaks readers, and byte-damaged workbooks a spreadsheet
/// library wrote. About 20 seconds in all.
/// </summary>
public sealed class XlsxImportFuzzTests
{
    private static string Print(byte[] bytes) => Convert.ToBase64String(bytes);

    private static readonly string[] PartNames =
    [
        RawXlsx.ContentTypesName, "_rels/.rels", RawXlsx.WorkbookName, "xl/_rels/workbook.xml.rels", RawXlsx.SharedStringsName, RawXlsx.SheetName,
        "xl/styles.xml", "docProps/app.xml", "xl/worksheets/sheet2.xml", "../evil.xml", "xl/",
    ];

    /// <summary>XML and SheetML fragments that trouble a workbook reader.</summary>
    private static readonly string[] XmlTroublemakers =
    [
        """<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>""", "&#0;", "&#x1F;", "&b;", "&amp;", "<", ">", "\"", "]]>", "<![CDATA[x]]>",
        """<row r="5000000"/>""", """<row r="0">""", """<row r="-1"/>""", """<row r="2"/>""", "<row>", "</row>", "<row/><row/><row/>",
        """<c r="ZZZZZZ2">""", """<c r="A99999999999">""", """<c r="XFD1"><v>1</v></c>""", """<c r="A1" t="s"><v>99</v></c>""",
        """<c t="s"><v>-1</v></c>""", """<c t="s"><v>x</v></c>""", """<c t="b"><v>7</v></c>""", """<c t="inlineStr"><is><t>x</t></is></c>""",
        """<c><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c>""", "<c/>", "</c>", "<v>", "</v>", "<v>1</v>", "<si><t>extra</t></si>", "<t>",
        "_x0000_", "_xD800_", "_x202E_", "_x005F_", "\u202E", "\u200B", "\uFFFD", "北京市", "<sheet name=\"x\" r:id=\"rId9\"/>", " r:id=\"\"",
        "<sheetData>", "</sheetData>", "</worksheet>", "<?xml version=\"1.0\"?>", "xmlns=\"urn:other\"",
    ];

    private static Dictionary<string, string> RegistryWorkbook() => RawXlsx.Parts(
        """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>""" +
        """<row r="2"><c r="A2"><v>440399</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="inlineStr"><is><t>pilot</t></is></c></row>""" +
        """<row r="3"><c r="A3"><v>440398</v></c><c r="B3" t="s"><v>4</v></c></row>""",
        "code", "name", "tags", "前海深港合作区", "试验区");

    private static Dictionary<string, string> InputsWorkbook() => RawXlsx.Parts(
        """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>""" +
        """<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="inlineStr"><is><t>京政办发_x000D_</t></is></c></row>""",
        "单位", "指标", "值", "佐证", "北京市", "data.agency", "是");

    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return memory.ToArray();
    }

    private static byte[] Zip(IReadOnlyDictionary<string, string> parts) => Zip(parts.Select(p => (p.Key, Encoding.UTF8.GetBytes(p.Value))));

    /// <summary>Workbook parts with a few parts' XML mutated by inserted troublemakers, deletions and truncation, some parts dropped.</summary>
    private static Gen<byte[]> MutatedWorkbook(Func<Dictionary<string, string>> valid) =>
        from edits in Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Int[0, XmlTroublemakers.Length - 1]).Array[1, 5]
        select Zip(Edit(valid(), edits));

    private static Dictionary<string, string> Edit(Dictionary<string, string> parts, (int Part, int Kind, int Where, int Piece)[] edits)
    {
        var names = new[] { RawXlsx.SheetName, RawXlsx.SheetName, RawXlsx.SharedStringsName, RawXlsx.WorkbookName, "xl/_rels/workbook.xml.rels", RawXlsx.ContentTypesName };
        foreach (var (part, kind, where, piece) in edits)
        {
            var name = names[part];
            if (!parts.TryGetValue(name, out var xml))
            {
                continue;
            }

            var at = where % (xml.Length + 1);
            switch (kind)
            {
                case 0 or 1:
                    parts[name] = xml.Insert(at, XmlTroublemakers[piece]);
                    break;
                case 2:
                    parts[name] = xml.Remove(at, Math.Min(1 + (piece % 24), xml.Length - at));
                    break;
                case 3 when piece % 4 == 0:
                    parts.Remove(name);
                    break;
                default:
                    parts[name] = xml[..at];
                    break;
            }
        }

        return parts;
    }

    [Fact]
    public async Task Random_bytes_and_random_zip_contents_are_refused_cleanly()
    {
        using var fuzzing = await ImportFuzzing.RegistryAsync();
        var validParts = RegistryWorkbook();
        var entry =
            from name in Gen.OneOf(PartNames)
            from kind in Gen.Int[0, 2]
            from bytes in Gen.Byte.Array[0, 200]
            select (name, kind switch
            {
                0 => bytes,
                1 => Encoding.UTF8.GetBytes(validParts.GetValueOrDefault(name, "<x/>")),
                _ => Encoding.UTF8.GetBytes(validParts.GetValueOrDefault(name, "<x/>")).Take(bytes.Length).ToArray(),
            });
        var gen = Gen.Frequency(
            (1, Gen.Byte.Array[0, 300]),
            (3, entry.Array[0, 8].Select(entries => Zip(entries.DistinctBy(e => e.Item1)))));

        await ImportFuzzing.SampleAsync(gen, bytes => fuzzing.ImportAsync(bytes, ".xlsx"), 4, Print);

        Assert.True(fuzzing.Exit0 + fuzzing.Exit2 > 1);
    }

    [Fact]
    public async Task Registry_workbooks_with_mutated_xml_are_imported_or_refused_cleanly()
    {
        using var fuzzing = await ImportFuzzing.RegistryAsync();
        Assert.Equal(0, await fuzzing.ImportAsync(Zip(RegistryWorkbook()), ".xlsx"));

        await ImportFuzzing.SampleAsync(MutatedWorkbook(RegistryWorkbook), bytes => fuzzing.ImportAsync(bytes, ".xlsx"), 5, Print);

        Assert.True(fuzzing.Exit0 + fuzzing.Exit2 > 2);
    }

    [Fact]
    public async Task Inputs_workbooks_with_mutated_xml_are_imported_or_refused_cleanly()
    {
        using var fuzzing = await ImportFuzzing.InputsAsync();
        Assert.Equal(0, await fuzzing.ImportAsync(Zip(InputsWorkbook()), ".xlsx"));

        await ImportFuzzing.SampleAsync(MutatedWorkbook(InputsWorkbook), bytes => fuzzing.ImportAsync(bytes, ".xlsx"), 4, Print);

        Assert.True(fuzzing.Exit0 + fuzzing.Exit2 > 2);
    }

    [Fact]
    public async Task Damaged_bytes_of_a_workbook_a_spreadsheet_library_wrote_are_refused_cleanly()
    {
        using var fuzzing = await ImportFuzzing.RegistryAsync();
        using var folder = new TempFolder();
        var written = folder["sdk.xlsx"];
        Xlsx.Write(written, "单位", [["code", "name", "tags"], ["440399", "前海深港合作区", "pilot"], ["440398", "试验区", ""]]);
        var original = await File.ReadAllBytesAsync(written);
        Assert.Equal(0, await fuzzing.ImportAsync(original, ".xlsx"));

        await ImportFuzzing.SampleAsync(ImportFuzzing.Mutated(original), bytes => fuzzing.ImportAsync(bytes, ".xlsx"), 4, Print);

        Assert.True(fuzzing.Exit0 + fuzzing.Exit2 > 2);
    }
}
