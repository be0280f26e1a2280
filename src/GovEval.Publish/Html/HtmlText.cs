using System.Net;
using System.Text;

namespace GovEval.Publish.Html;

/// <summary>
/// Text into HTML: every value is encoded (names and evidence come from assessed sites and imported tables, so a
/// unit called &lt;script&gt; must print as text), and characters HTML forbids are dropped.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Control characters other than whitespace are invalid in HTML text; lone surrogates cannot be encoded.
            if ((char.IsControl(c) && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
            {
                continue;
            }

            clean.Append(c);
        }

        return WebUtility.HtmlEncode(clean.ToString());
    }
}
