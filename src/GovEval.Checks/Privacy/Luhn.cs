namespace GovEval.Checks.Privacy;

/// <summary>
/// The Luhn check digit (ISO/IEC 7812-1) card numbers carry. One random digit run in ten passes it, so it only
/// confirms a number a card scheme issues (<see cref="BankCards"/>), it never makes one.
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

    /// <summary>6222***********1234: the first and last four, as banks print them.</summary>
    public static string Mask(string digits) => digits[..4] + new string('*', digits.Length - 8) + digits[^4..];
}
