using System.Globalization;
using System.Text.RegularExpressions;

namespace GovEval.Checks.Security;

/// <summary>
/// The four headers security.headers asks for, read as the Mozilla Observatory reads them: HSTS with a positive
/// max-age, any Content-Security-Policy, X-Content-Type-Options: nosniff, and frame protection by
/// X-Frame-Options (DENY / SAMEORIGIN / ALLOW-FROM) or a CSP frame-ancestors directive (which supersedes it).
/// </summary>
public static partial class HeaderPolicy
{
    /// <summary>The names of the protections missing from a response, given a header lookup.</summary>
    public static IReadOnlyList<string> Missing(Func<string, string?> header)
    {
        var missing = new List<string>();
        if (!HasHsts(header("Strict-Transport-Security")))
        {
            missing.Add("Strict-Transport-Security");
        }

        var csp = header("Content-Security-Policy");
        if (string.IsNullOrWhiteSpace(csp))
        {
            missing.Add("Content-Security-Policy");
        }

        if (!string.Equals(header("X-Content-Type-Options")?.Trim(), "nosniff", StringComparison.OrdinalIgnoreCase))
        {
            missing.Add("X-Content-Type-Options: nosniff");
        }

        if (!HasFrameProtection(header("X-Frame-Options"), csp))
        {
            missing.Add("X-Frame-Options");
        }

        return missing;
    }

    public static bool HasHsts(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var match = MaxAge().Match(value);
        return match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0;
    }

    public static bool HasFrameProtection(string? frameOptions, string? csp)
    {
        var value = frameOptions?.Trim().ToUpperInvariant() ?? "";
        if (value is "DENY" or "SAMEORIGIN" || value.StartsWith("ALLOW-FROM", StringComparison.Ordinal))
        {
            return true;
        }

        return csp is not null && csp.Split(';').Any(d => d.Trim().StartsWith("frame-ancestors", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"max-age\s*=\s*""?([0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAge();
}
