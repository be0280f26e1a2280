using System.Text;
using GovEval.Core.Tables;

namespace GovEval.Publish.Csv;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark, which is how Excel recognises UTF-8 and shows Chinese correctly.
/// Text cells that a spreadsheet would run as a formula are guarded (<see cref="CsvField"/>): evidence comes from
/// sites being assessed and must never execute in an evaluator's spreadsheet.
/// </summary>
public sealed class CsvText : IDisposable
{
    private readonly StreamWriter writer;

    public CsvText(string path)
    {
        writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
    }

    /// <summary>Writes a row; <paramref name="cells"/> are text, <see cref="Number"/> marks numbers left as they are.</summary>
    public void Row(IEnumerable<object?> cells)
    {
        writer.WriteLine(string.Join(",", cells.Select(Cell)));
    }

    public void Dispose() => writer.Dispose();

    /// <summary>A numeric cell, written without the formula guard (a negative number is not a formula).</summary>
    public sealed record Number(string Text);

    private static string Cell(object? value) => value switch
    {
        null => "",
        Number n => CsvField.Verbatim(n.Text),
        string s => CsvField.Text(s),
        _ => CsvField.Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
