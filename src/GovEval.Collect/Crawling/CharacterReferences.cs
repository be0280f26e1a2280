using System.Text;
using AngleSharp.Html;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Decodes HTML character references the way browsers do: numeric ones with the Windows-1252 fix-ups of C1
/// controls, named ones from the full HTML table (AngleSharp's), the legacy names without a semicolon, and in
/// attribute values a legacy name followed by '=' or a letter or digit left as written (so "?a=1&amp;copy=2"
/// keeps its "&amp;copy=").
/// </summary>
internal static class CharacterReferences
{
    private const int LongestName = 32;

    public static string Decode(ReadOnlySpan<char> text, bool inAttribute)
    {
        var result = new StringBuilder(text.Length);
        var p = 0;
        while (p < text.Length)
        {
            var amp = text[p..].IndexOf('&');
            if (amp < 0)
            {
                result.Append(text[p..]);
                break;
            }

            result.Append(text.Slice(p, amp));
            p += amp;
            p += Reference(text, p, inAttribute, result);
        }

        return result.ToString();
    }

    /// <summary>Appends what the reference at <paramref name="at"/> (an '&amp;') stands for; returns the characters consumed.</summary>
    private static int Reference(ReadOnlySpan<char> text, int at, bool inAttribute, StringBuilder result)
    {
        var p = at + 1;
        if (p < text.Length && text[p] == '#')
        {
            return Numeric(text, at, result);
        }

        var nameEnd = p;
        while (nameEnd < text.Length && nameEnd - p < LongestName && char.IsAsciiLetterOrDigit(text[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == p)
        {
            result.Append('&');
            return 1;
        }

        if (nameEnd < text.Length && text[nameEnd] == ';' && Symbol(text[p..(nameEnd + 1)]) is { Length: > 0 } full)
        {
            result.Append(full);
            return nameEnd + 1 - at;
        }

        // Legacy names work without the semicolon: the longest one that prefixes the run.
        for (var end = nameEnd; end > p + 1; end--)
        {
            if (Symbol(text[p..end]) is not { Length: > 0 } legacy)
            {
                continue;
            }

            if (inAttribute && end < text.Length && (text[end] == '=' || char.IsAsciiLetterOrDigit(text[end])))
            {
                break;
            }

            result.Append(legacy);
            return end - at;
        }

        result.Append('&');
        return 1;
    }

    private static string? Symbol(ReadOnlySpan<char> name) => name switch
    {
        "amp;" or "amp" => "&",
        "lt;" or "lt" => "<",
        "gt;" or "gt" => ">",
        "quot;" or "quot" => "\"",
        "nbsp;" or "nbsp" => "\u00A0",
        "apos;" => "'",
        _ => HtmlEntityProvider.Resolver.GetSymbol(name.ToString()),
    };

    private static int Numeric(ReadOnlySpan<char> text, int at, StringBuilder result)
    {
        var p = at + 2;
        var hex = p < text.Length && text[p] is 'x' or 'X';
        if (hex)
        {
            p++;
        }

        var digitsStart = p;
        long value = 0;
        while (p < text.Length && (hex ? char.IsAsciiHexDigit(text[p]) : char.IsAsciiDigit(text[p])))
        {
            var digit = char.IsAsciiDigit(text[p]) ? text[p] - '0' : (text[p] | 0x20) - 'a' + 10;
            value = Math.Min(value * (hex ? 16 : 10) + digit, 0x110000);
            p++;
        }

        if (p == digitsStart)
        {
            result.Append('&');
            return 1;
        }

        if (p < text.Length && text[p] == ';')
        {
            p++;
        }

        var code = (int)value;
        if (code == 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            result.Append('\uFFFD');
        }
        else if (code is >= 0x80 and <= 0x9F && Windows1252[code - 0x80] != 0)
        {
            result.Append((char)Windows1252[code - 0x80]);
        }
        else
        {
            result.Append(char.ConvertFromUtf32(code));
        }

        return p - at;
    }

    // What browsers show for &#128;..&#159;: the Windows-1252 characters at those bytes (0 = left as is).
    private static readonly ushort[] Windows1252 =
    [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
}
