using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovEval.Publish.Xlsx;

/// <summary>
/// The workbook's shared string table: every distinct text once (indicator names repeat for every unit), written
/// after the sheets. Text is cleaned of characters XML cannot carry and cut to Excel's 32,767-character cell limit.
/// </summary>
public sealed class SharedStrings
{
    public const int MaxCellLength = 32767;
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> items = [];
    private int references;

    public int Index(string text)
    {
        references++;
        var clean = Clean(text);
        if (!index.TryGetValue(clean, out var i))
        {
            i = items.Count;
            index[clean] = i;
            items.Add(clean);
        }

        return i;
    }

    public void WriteTo(SharedStringTablePart part)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new SharedStringTable { Count = (uint)references, UniqueCount = (uint)items.Count });
        foreach (var item in items)
        {
            var text = new Text(item);
            if (item.Length > 0 && (char.IsWhiteSpace(item[0]) || char.IsWhiteSpace(item[^1])))
            {
                text.Space = SpaceProcessingModeValues.Preserve;
            }

            writer.WriteElement(new SharedStringItem(text));
        }

        writer.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 forbids (control characters, lone surrogates) so a hostile name cannot break the file.</summary>
    public static string Clean(string text)
    {
        var clean = text;
        if (clean.Any(c => !IsXmlChar(c)) || HasLoneSurrogate(clean))
        {
            var builder = new System.Text.StringBuilder(clean.Length);
            for (var i = 0; i < clean.Length; i++)
            {
                var c = clean[i];
                if (char.IsHighSurrogate(c) && i + 1 < clean.Length && char.IsLowSurrogate(clean[i + 1]))
                {
                    builder.Append(c).Append(clean[++i]);
                }
                else if (!char.IsSurrogate(c) && IsXmlChar(c))
                {
                    builder.Append(c);
                }
            }

            clean = builder.ToString();
        }

        if (clean.Length <= MaxCellLength)
        {
            return clean;
        }

        var keep = char.IsHighSurrogate(clean[MaxCellLength - 2]) ? MaxCellLength - 2 : MaxCellLength - 1;
        return clean[..keep] + "…";
    }

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
