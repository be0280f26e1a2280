using System.Text;

namespace GovEval.Publish.Html;

/// <summary>Where a unit's score sheet page lives (units/&lt;code&gt;.html); codes that are not safe file names are hex-encoded.</summary>
public static class UnitPages
{
    public const string Folder = "units";

    public static string FileName(string code)
    {
        var safe = code.Length > 0 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return (safe ? code : "u-" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(code))) + ".html";
    }

    /// <summary>The link from the release's index.html.</summary>
    public static string Link(string code) => $"{Folder}/{FileName(code)}";
}
