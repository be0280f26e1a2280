using System.Globalization;
using System.Text;
using GovEval.Sandbox.Determinism;

namespace GovEval.Sandbox.Text;

/// <summary>
/// Personal data as it leaks on government pages (公示 lists): checksum-valid citizen ID numbers (GB 11643),
/// mobile numbers and Luhn-valid bank cards, and the masked forms a careful site publishes instead.
/// </summary>
public static class Pii
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheck = "10X98765432";
    private static readonly string[] MobilePrefixes = ["130", "131", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180", "186", "187", "188", "189", "199"];

    public static string CitizenId(ref Rng rng, string divisionCode, DateOnly today)
    {
        var birth = today.AddYears(-rng.Next(20, 80)).AddDays(-rng.Next(365));
        var body = divisionCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + rng.Next(100, 1000).ToString(CultureInfo.InvariantCulture);
        return body + IdCheckDigit(body);
    }

    public static char IdCheckDigit(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return IdCheck[sum % 11];
    }

    public static string Mobile(ref Rng rng) =>
        rng.Pick(MobilePrefixes) + rng.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);

    public static string BankCard(ref Rng rng)
    {
        var digits = new StringBuilder("622");
        digits.Append(rng.Next(100, 1000).ToString(CultureInfo.InvariantCulture));
        while (digits.Length < 18)
        {
            digits.Append((char)('0' + rng.Next(10)));
        }

        return digits.Append(LuhnDigit(digits.ToString())).ToString();
    }

    public static char LuhnDigit(string payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
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

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>440301********123X: the form 公示 rules require.</summary>
    public static string MaskId(string id) => id[..6] + new string('*', 8) + id[14..];

    public static string MaskMobile(string mobile) => mobile[..3] + "****" + mobile[7..];

    public static string MaskCard(string card) => card[..4] + " **** **** " + card[^4..];
}
