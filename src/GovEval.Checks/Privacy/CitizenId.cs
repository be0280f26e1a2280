using System.Globalization;

namespace GovEval.Checks.Privacy;

/// <summary>
/// Resident identity card numbers (GB 11643-1999): 6-digit division code, birth date yyyyMMdd, 3-digit sequence,
/// check character (ISO 7064 MOD 11-2, X for 10). A number counts only when the province exists, the birth date
/// is a real date in a plausible range and the check character agrees, so an order number or a run of dates
/// (20201130202011301) is not taken for an ID.
/// </summary>
public static class CitizenId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Province-level codes of GB/T 2260 (incl. 71 Taiwan, 81/82 Hong Kong/Macao as issued on IDs).</summary>
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
        61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>True for an 18-character ID whose province, birth date and check character are all valid.</summary>
    public static bool IsValid(string value, DateOnly today) => IsShaped(value, today) && CheckCharacter(value.AsSpan(0, 17)) == char.ToUpperInvariant(value[17]);

    /// <summary>
    /// True when the value has an ID's structure (province, real birth date) whatever its check character: a
    /// mistyped ID is not a bank card even when it happens to pass Luhn.
    /// </summary>
    public static bool IsShaped(string value, DateOnly today)
    {
        if (value.Length != 18 || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var last = char.ToUpperInvariant(value[17]);
        if (!(char.IsAsciiDigit(last) || last == 'X'))
        {
            return false;
        }

        if (!Provinces.Contains(int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture)))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            return false;
        }

        return true;
    }

    /// <summary>4403**********123X: enough to find the row, never enough to republish the number.</summary>
    public static string Mask(string value) => value[..4] + new string('*', value.Length - 8) + value[^4..];
}
