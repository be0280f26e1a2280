namespace GovEval.Core.Tables;

/// <summary>
/// One field of a CSV file as GovEval writes it (RFC 4180), shared by every writer: the release's CSV and
/// goveval-links. Text a spreadsheet would run as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return first) gets an apostrophe in front: evidence, link texts and addresses come from the sites
/// being assessed, and <c>=HYPERLINK(…)</c> or <c>=cmd|…</c> must never execute in an evaluator's spreadsheet.
/// </summary>
public static class CsvField
{
    /// <summary>A text field: guarded against formulas, then quoted if it needs it.</summary>
    public static string Text(string? value) => Quote(Guard(value ?? ""));

    /// <summary>A field written as it is (a number: a negative one is not a formula), quoted if it needs it.</summary>
    public static string Verbatim(string? value) => Quote(value ?? "");

    /// <summary>The text with an apostrophe in front when a spreadsheet would read it as a formula.</summary>
    public static string Guard(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>The field in double quotes (inner quotes doubled) when it holds a comma, a quote or a line break.</summary>
    public static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
