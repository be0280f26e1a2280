using System.Globalization;
using System.Text;
using GovEval.Core.Errors;

namespace GovEval.Core.Tables;

/// <summary>
/// The characters a cell of a person's table may hold, decided once for every table GovEval reads (CSV, XLSX,
/// JSON: registry imports, expert inputs, published scores). Tab and line breaks are ordinary text. Refused:
/// other control characters (NUL, ESC, DEL, C1); invisible format characters (Unicode category Cf: zero-width
/// space and joiners, the bidirectional embeddings, overrides, isolates and marks, soft hyphen, word joiner, a
/// byte order mark inside text, tag characters); the line and paragraph separators; unpaired surrogates;
/// noncharacters; and U+FFFD, which means the text was already damaged by a wrong decoding. Invisible
/// characters make a name look like another (a right-to-left override spoofs a name, a zero-width space makes
/// two names differ that read the same) and control characters break the CSV and HTML the results go to.
/// </summary>
public static class CellCharacters
{
    /// <summary>The first refused character: its index in the text and its code point; null when the text is fine.</summary>
    public static (int Index, int CodePoint)? FirstRefused(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c < '\u007F')
            {
                continue;
            }

            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return (i, c);
            }

            if (IsRefused(rune.Value))
            {
                return (i, rune.Value);
            }

            i += used - 1;
        }

        return null;
    }

    public static bool IsRefused(int codePoint)
    {
        if (codePoint is '\t' or '\n' or '\r')
        {
            return false;
        }

        if (codePoint is 0xFFFD or 0x2028 or 0x2029 || IsNoncharacter(codePoint))
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate;
    }

    /// <summary>Refuses text holding a refused character, naming it, where it is and why.</summary>
    /// <param name="what">What the text is, for the message: "cell B7", "field 2", "header cell A1"…</param>
    public static void Require(string text, string location, string what)
    {
        if (FirstRefused(text) is not { } found)
        {
            return;
        }

        throw new InputException(location, $"{what} holds {Describe(found.CodePoint)} at character {found.Index + 1}: {Why(found.CodePoint)}");
    }

    /// <summary>
    /// Text from a file made safe to show in a message: each refused character (and any line break) written as
    /// U+XXXX, so an error message cannot itself be spoofed by the text it quotes.
    /// </summary>
    public static string Visible(string text)
    {
        if (FirstRefused(text) is null && text.IndexOfAny(['\r', '\n']) < 0)
        {
            return text;
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\r' or '\n' || IsRefused(rune.Value))
            {
                shown.Append($"<U+{rune.Value:X4}>");
            }
            else
            {
                shown.Append(rune.ToString());
            }
        }

        return shown.ToString();
    }

    public static string Describe(int codePoint)
    {
        var name = codePoint switch
        {
            0x00 => "NUL",
            0x1B => "ESCAPE",
            0x7F => "DELETE",
            0xAD => "SOFT HYPHEN",
            0x061C => "ARABIC LETTER MARK",
            0x180E => "MONGOLIAN VOWEL SEPARATOR",
            0x200B => "ZERO WIDTH SPACE",
            0x200C => "ZERO WIDTH NON-JOINER",
            0x200D => "ZERO WIDTH JOINER",
            0x200E => "LEFT-TO-RIGHT MARK",
            0x200F => "RIGHT-TO-LEFT MARK",
            0x202A => "LEFT-TO-RIGHT EMBEDDING",
            0x202B => "RIGHT-TO-LEFT EMBEDDING",
            0x202C => "POP DIRECTIONAL FORMATTING",
            0x202D => "LEFT-TO-RIGHT OVERRIDE",
            0x202E => "RIGHT-TO-LEFT OVERRIDE",
            0x2028 => "LINE SEPARATOR",
            0x2029 => "PARAGRAPH SEPARATOR",
            0x2060 => "WORD JOINER",
            0x2066 => "LEFT-TO-RIGHT ISOLATE",
            0x2067 => "RIGHT-TO-LEFT ISOLATE",
            0x2068 => "FIRST STRONG ISOLATE",
            0x2069 => "POP DIRECTIONAL ISOLATE",
            0xFEFF => "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
            0xFFFD => "REPLACEMENT CHARACTER '\uFFFD'",
            _ => null,
        };
        var code = $"U+{codePoint:X4}";
        return name is null ? code : $"{code} {name}";
    }

    private static string Why(int codePoint) => codePoint switch
    {
        0xFFFD => "the text was damaged by a wrong encoding before it reached this file; fix the text at its source",
        0x00 => "control characters other than tab and line breaks are refused (a file saved as UTF-16 without a byte order mark looks like this)",
        0x2028 or 0x2029 => "use an ordinary line break",
        _ when IsNoncharacter(codePoint) => "noncharacters are not text",
        _ when codePoint is >= 0xD800 and <= 0xDFFF => "half of a surrogate pair is not a character (the text was cut or damaged)",
        _ when CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Control => "control characters other than tab and line breaks are refused",
        _ => "invisible formatting characters are refused: they make a name look like another or hide what it says",
    };

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
