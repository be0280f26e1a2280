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
/// Finds unmasked personal data in page text (never markup): checksum-valid citizen IDs, Luhn-valid bank cards
/// with a card-scheme prefix, and mainland mobile numbers. Numbers must stand alone: a digit run inside a longer
/// run is part of something else (an order number, a table that lost its cell boundaries). Values with asterisks
/// (440301********123X, 138****5678, 6222 **** **** 1234) are the masked forms 公示 rules require and never match.
/// </summary>
public static partial class PiiScanner
{
    public static IReadOnlyList<PiiHit> Find(string text, DateOnly today)
    {
        var hits = new List<PiiHit>();
        var taken = new List<(int Start, int End)>();
        bool Free(int start, int length) => !taken.Any(t => start < t.End && t.Start < start + length);
        void Take(PiiKind kind, Match m, string masked)
        {
            hits.Add(new PiiHit(kind, m.Index, m.Length, masked));
            taken.Add((m.Index, m.Index + m.Length));
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
            if (Free(m.Index, m.Length) && Luhn.IsBankCard(digits) && !(digits.Length == 18 && CitizenId.IsShaped(digits, today)))
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
