namespace GovEval.Core.Tables;

/// <summary>
/// A1-style cell references of a worksheet. A reference outside the grid a worksheet can have (columns A to
/// XFD, rows 1 to 1,048,576) is not a cell: parsing stops at the fourth letter, so no reference can overflow.
/// </summary>
internal static class XlsxReference
{
    public const int MaxRows = 1_048_576;
    public const int MaxColumns = 16_384;

    /// <summary>The 0-based column and 1-based row of a reference such as B7, or null when it is not a cell.</summary>
    public static (int Column, int Row)? Parse(string reference)
    {
        var i = 0;
        var column = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            if (i == 3)
            {
                return null;
            }

            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
        }

        var digits = reference.Length - i;
        if (i == 0 || digits is < 1 or > 7 || reference[i] == '0')
        {
            return null;
        }

        var row = 0;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i]))
            {
                return null;
            }

            row = (row * 10) + (reference[i] - '0');
        }

        return column > MaxColumns || row > MaxRows ? null : (column - 1, row);
    }

    /// <summary>B7 for column 1 (0-based) of row 7.</summary>
    public static string Format(int column, int row) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
