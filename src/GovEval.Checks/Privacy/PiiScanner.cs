using System.Text.RegularExpressions;

namespace GovEval.Checks.Privacy;

public enum PiiKind
{
    CitizenId,
    BankCard,
    Mobile,
}

/// <summary>One unmasked value found in text; only the masked form ever leaves this type's users.</summary>
public sealed record PiiHit(PiiKind Kind, int Start, int Length, string Masked);

/// <summary>
/// Finds unmasked personal data in page text (never markup): checksum-valid citizen IDs, a person's bank cards
/// (a scheme's prefix and length, a valid Luhn digit, and no code or organisation around it: <see cref="BankCards"/>),
/// and mainland mobile numbers. Numbers must stand alone: a digit run inside a longer
/// run is part of something else (an order number, a table that lost its cell boundaries). Values with asterisks
/// (440301********123X, 138****5678, 6222 **** **** 1234) are the masked forms 公示 rules require and never match.
/// </summary>
public static partial class PiiScanner
{
    public static IReadOnlyList<PiiHit> Find(string text, DateOnly today, CardDictionaries? cards = null)
    {
        cards ??= CardDictionaries.Default;
        text = HalfWidth(text);
        var hits = new List<PiiHit>();
        // The characters earlier kinds took, so a later kind's match is checked in its own length, not against every
        // hit so far (a page listing thousands of numbers stays linear).
        System.Collections.BitArray? taken = null;
        bool Free(int start, int length)
        {
            for (var i = start; taken is not null && i < start + length; i++)
            {
                if (taken[i])
                {
                    return false;
                }
            }

            return true;
        }

        void Take(PiiKind kind, Match m, string masked)
        {
            hits.Add(new PiiHit(kind, m.Index, m.Length, masked));
            taken ??= new System.Collections.BitArray(text.Length);
            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                taken[i] = true;
            }
        }

        // IDs first: an 18-digit ID of a Gansu resident (62…) can pass Luhn by chance and is still an ID.
        foreach (Match m in IdPattern().Matches(text))
        {
            if (CitizenId.IsValid(m.Value, today))
            {
                Take(PiiKind.CitizenId, m, CitizenId.Mask(m.Value.ToUpperInvariant()));
            }
        }

        foreach (Match m in CardPattern().Matches(text))
        {
            var digits = Digits(m.Value);
            if (Free(m.Index, m.Length) && !(digits.Length == 18 && CitizenId.IsShaped(digits, today)) && BankCards.IsPersonalCard(text, m.Index, digits, cards))
            {
                Take(PiiKind.BankCard, m, Luhn.Mask(digits));
            }
        }

        foreach (Match m in MobilePattern().Matches(text))
        {
            var digits = Digits(m.Value);
            if (Free(m.Index, m.Length) && digits.Length == 11)
            {
                Take(PiiKind.Mobile, m, digits[..3] + "****" + digits[7..]);
            }
        }

        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        return hits;
    }

    /// <summary>
    /// Full-width digits, X and asterisks (１３８＊＊＊＊５６７８) as their ASCII forms, one character for one so
    /// offsets stay valid: Chinese editors type both.
    /// </summary>
    private static string HalfWidth(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uFF0A', '\uFF58'))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\uFF10' and <= '\uFF19' or '\uFF0A' or '\uFF38' or '\uFF58' or '\uFF0D' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"(?<![0-9A-Za-z*])[0-9]{17}[0-9Xx](?![0-9A-Za-z*])")]
    private static partial Regex IdPattern();

    // 16–19 digits, contiguous or in groups of four separated by one space or hyphen.
    [GeneratedRegex(@"(?<![0-9*][ -]?)(?<![0-9A-Za-z*])(?:[0-9]{16,19}|[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -]?[0-9]{1,3})?)(?![ -]?[0-9*])")]
    private static partial Regex CardPattern();

    // 11 digits 1[3-9]x, optionally 3-4-4 with one space or hyphen; not inside a longer number or an extension.
    [GeneratedRegex(@"(?<![0-9*][ -]?)(?<![0-9A-Za-z*])1[3-9][0-9](?:[0-9]{8}|([ -])[0-9]{4}\1[0-9]{4})(?![0-9*])(?![ -][0-9])")]
    private static partial Regex MobilePattern();
}
