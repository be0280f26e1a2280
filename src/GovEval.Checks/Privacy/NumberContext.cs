namespace GovEval.Checks.Privacy;

/// <summary>
/// What the text around a number says it is, read from the layout <see cref="Text.PageText"/> gives a page (cells
/// separated by tabs, rows and blocks by line breaks), so it works from the page's structure rather than guessing:
/// <list type="bullet">
/// <item>the label: the text before the number in its cell or clause ("卡号："), or the cell before it when the
/// number fills its cell (a label | value table);</item>
/// <item>in a table, the header row (the nearest row above that holds no digit) and the number's column header; for
/// a list typed as lines ("1 3501…  张三") the nearest line above without digits;</item>
/// <item>the holder: who the account belongs to — the cell of the row under the table's holder column, else the
/// value after the nearest holder label (户名：…) in the text just before;</item>
/// <item>the text just before, for words that make an account an organisation's (对公账户).</item>
/// </list>
/// Every search is bounded, so a page of a million numbers on one line costs a constant per number.
/// </summary>
internal sealed record NumberContext(string Label, string? ColumnHeader, IReadOnlyList<string>? HeaderRow, string? Holder, string Before)
{
    // How far the reading looks: a label is a few words; the holder of an account is named a line or two above it;
    // a table's header is within a few dozen rows; a longer line is prose, not a table row.
    private const int LabelChars = 24;
    private const int BeforeChars = 120;
    private const int HeaderSearchChars = 8000;
    private const int MaxLineChars = 8000;
    private const int HolderChars = 40;

    private static readonly char[] ClauseEnds = ['\t', '\n', '，', ',', '；', ';', '。'];
    private static readonly char[] CellEnds = ['\t', '\n'];
    private static readonly char[] ValueEnds = ['\t', '\n', '，', ',', '；', ';', '。', ' ', '　', '（', '('];

    public static NumberContext Read(string text, int start, CardDictionaries words)
    {
        var clauseStart = LastBefore(text, start, ClauseEnds, LabelChars) + 1;
        var label = text[Math.Max(clauseStart, start - LabelChars)..start];
        if (label.Trim().Length == 0 && clauseStart > 0 && text[clauseStart - 1] == '\t')
        {
            var cellEnd = clauseStart - 1;
            var cellStart = LastBefore(text, cellEnd, CellEnds, LabelChars) + 1;
            var previous = text[Math.Max(cellStart, cellEnd - LabelChars)..cellEnd];
            if (!previous.Any(char.IsAsciiDigit))
            {
                label = previous;
            }
        }

        var before = text[Math.Max(0, start - BeforeChars)..start];
        var (header, row, column) = Table(text, start);
        if (header is null && label.Trim().Length == 0)
        {
            header = ListHeader(text, start);
        }

        string? holder = null;
        if (row is not null)
        {
            foreach (var name in words.HolderLabels)
            {
                var index = Array.FindIndex(header!, h => h.Contains(name, StringComparison.Ordinal));
                if (index >= 0)
                {
                    holder = index < row.Length ? row[index] : null;
                    break;
                }
            }
        }

        holder ??= HolderNamedBefore(before, words);
        var columnHeader = row is not null && column < header!.Length ? header[column] : null;
        return new NumberContext(label, columnHeader, header, holder, before);
    }

    /// <summary>The index of the last of <paramref name="any"/> within <paramref name="limit"/> characters before <paramref name="end"/>, or one before the searched stretch.</summary>
    private static int LastBefore(string text, int end, char[] any, int limit)
    {
        var from = Math.Max(0, end - limit);
        var at = text.AsSpan(from, end - from).LastIndexOfAny(any);
        return at < 0 ? from - 1 : from + at;
    }

    /// <summary>Where the line holding <paramref name="start"/> begins and ends, or null when it is longer than a table row.</summary>
    private static (int Start, int End)? Line(string text, int start)
    {
        var from = Math.Max(0, start - MaxLineChars);
        var back = text.AsSpan(from, start - from).LastIndexOf('\n');
        if (back < 0 && from > 0)
        {
            return null;
        }

        var lineStart = back < 0 ? 0 : from + back + 1;
        var ahead = Math.Min(text.Length - start, MaxLineChars);
        var forward = text.AsSpan(start, ahead).IndexOf('\n');
        if (forward < 0 && start + ahead < text.Length)
        {
            return null;
        }

        return (lineStart, forward < 0 ? text.Length : start + forward);
    }

    /// <summary>The header row above the number's table row, that row's cells and the number's column; nulls outside a table.</summary>
    private static (string[]? Header, string[]? Row, int Column) Table(string text, int start)
    {
        if (Line(text, start) is not var (lineStart, lineEnd) || text.AsSpan(lineStart, lineEnd - lineStart).IndexOf('\t') < 0)
        {
            return (null, null, 0);
        }

        var column = text.AsSpan(lineStart, start - lineStart).Count('\t');
        foreach (var previous in LinesAbove(text, lineStart))
        {
            if (previous.IndexOf('\t') < 0)
            {
                break;
            }

            if (!previous.ContainsAnyInRange('0', '9'))
            {
                return (previous.ToString().Split('\t'), text[lineStart..lineEnd].Split('\t'), column);
            }
        }

        return (null, null, column);
    }

    /// <summary>
    /// For a number that starts its line outside a table (a list typed as lines), the nearest line above it without
    /// digits, read as the list's header, when only rows starting with a number lie between them.
    /// </summary>
    private static string[]? ListHeader(string text, int start)
    {
        var lineStart = LastBefore(text, start, CellEnds, LabelChars) + 1;
        if (lineStart > 0 && text[lineStart - 1] != '\n' || text.AsSpan(lineStart, start - lineStart).Trim().Length > 0)
        {
            return null;
        }

        foreach (var previous in LinesAbove(text, lineStart))
        {
            var line = previous.Trim();
            if (!line.ContainsAnyInRange('0', '9'))
            {
                return line.Length == 0 ? null : line.ToString().Split([' ', '　'], StringSplitOptions.RemoveEmptyEntries);
            }

            if (!char.IsAsciiDigit(line[0]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The lines above the one starting at <paramref name="lineStart"/>, nearest first, within <see cref="HeaderSearchChars"/>.</summary>
    private static IEnumerable<string> LinesAbove(string text, int lineStart)
    {
        var limit = Math.Max(0, lineStart - HeaderSearchChars);
        var end = lineStart - 1;
        while (end > limit)
        {
            var back = text.AsSpan(limit, end - limit).LastIndexOf('\n');
            if (back < 0 && limit > 0)
            {
                yield break;
            }

            var previousStart = back < 0 ? 0 : limit + back + 1;
            yield return text[previousStart..end];
            end = previousStart - 1;
        }
    }

    /// <summary>The value after the holder label that ends nearest the number (户名：某某市财政局 → 某某市财政局).</summary>
    private static string? HolderNamedBefore(string before, CardDictionaries words)
    {
        var (at, length) = (-1, 0);
        foreach (var name in words.HolderLabels)
        {
            var index = before.LastIndexOf(name, StringComparison.Ordinal);
            if (index >= 0 && (index + name.Length > at + length || (index + name.Length == at + length && name.Length > length)))
            {
                (at, length) = (index, name.Length);
            }
        }

        if (at < 0)
        {
            return null;
        }

        var value = before.AsSpan(at + length).TrimStart("：: \t　");
        var stop = value.IndexOfAny(ValueEnds);
        value = stop < 0 ? value : value[..stop];
        return value.Length is > 0 and <= HolderChars ? value.ToString() : null;
    }
}
