using System.Text;
using GovEval.Core.Errors;

namespace GovEval.Core.Tables;

/// <summary>
/// RFC 4180 CSV: quoted fields may hold separators, doubled quotes and line breaks. Lines end with CRLF, LF or
/// a lone CR. Yields each record with the line it starts on, so errors point at the line a person sees in an
/// editor; records stream, so a big file is never held whole.
/// </summary>
public static class CsvParser
{
    public static IEnumerable<(int Line, string[] Fields)> Parse(TextReader reader, string source, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        field.Append((char)reader.Read());
                    }

                    if (ch is '\r' or '\n')
                    {
                        line++;
                    }
                }

                continue;
            }

            if (ch == '"' && field.Length == 0 && !fieldStarted)
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (ch is '\r' or '\n')
            {
                // CRLF, LF or a lone CR (old Mac exports) each end one line.
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                yield return (recordLine, fields.ToArray());
                fields.Clear();
                field.Clear();
                fieldStarted = false;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(ch);
                fieldStarted = true;
            }
        }

        if (quoted)
        {
            throw new InputException($"{source}:{recordLine}", "a quoted field is not closed");
        }

        if (field.Length > 0 || fields.Count > 0 || fieldStarted)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields.ToArray());
        }
    }

    /// <summary>Comma unless the header line has more tabs or semicolons than commas (spreadsheet exports vary).</summary>
    public static char DetectSeparator(string headerLine)
    {
        var candidates = new[] { ',', '\t', ';' };
        return candidates.OrderByDescending(s => headerLine.Count(ch => ch == s)).ThenBy(s => Array.IndexOf(candidates, s)).First();
    }
}
