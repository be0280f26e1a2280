using System.Globalization;

namespace GovEval.Publish;

/// <summary>How numbers print in every format: invariant culture, a total with its cohort's decimals.</summary>
public static class Numbers
{
    public static string Fixed(decimal value, int decimals) =>
        value.ToString("F" + Math.Clamp(decimals, 0, 10).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Points as written (no trailing zeros beyond what the value holds): 5, 0.5, 1.25.</summary>
    public static string Points(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "";
}
