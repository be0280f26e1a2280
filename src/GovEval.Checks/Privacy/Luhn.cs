namespace GovEval.Checks.Privacy;

/// <summary>
/// Bank card numbers: 16–19 digits, an issuer prefix of the schemes cards in China carry (UnionPay 62, Visa 4,
/// Mastercard 51–55 and 2221–2720, JCB 35, Discover 60/65), and a valid Luhn check digit. Requiring all three
/// keeps statistics tables and document numbers out.
/// </summary>
public static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0)
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    public static bool HasCardPrefix(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 4)
        {
            return false;
        }

        var two = (digits[0] - '0') * 10 + (digits[1] - '0');
        var four = two * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
        return digits[0] == '4' || two is 62 or 35 or 60 or 65 or >= 51 and <= 55 || four is >= 2221 and <= 2720;
    }

    public static bool IsBankCard(ReadOnlySpan<char> digits) =>
        digits.Length is >= 16 and <= 19 && HasCardPrefix(digits) && IsValid(digits);

    /// <summary>6222***********1234: the first and last four, as banks print them.</summary>
    public static string Mask(string digits) => digits[..4] + new string('*', digits.Length - 8) + digits[^4..];
}
