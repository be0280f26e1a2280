using System.Text.RegularExpressions;

namespace GovEval.Checks.Identity;

/// <summary>
/// 网站标识码 as the national registry issues it (政府网站发展指引): a 6-digit administrative division code and a
/// 4-digit serial, or bm + 8 digits for State Council departments. The division code must start with a real
/// province so a placeholder (0000000000) does not pass.
/// </summary>
public static partial class SiteIdCode
{
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
        "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "66", "71", "81", "82",
    ];

    public static bool IsWellFormed(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (DivisionForm().IsMatch(value))
        {
            return Provinces.Contains(value[..2]);
        }

        return DepartmentForm().IsMatch(value);
    }

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex DivisionForm();

    [GeneratedRegex("^[bB][mM][0-9]{8}$")]
    private static partial Regex DepartmentForm();
}
