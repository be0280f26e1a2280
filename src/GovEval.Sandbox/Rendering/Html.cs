using System.Net;
using System.Text;

namespace GovEval.Sandbox.Rendering;

/// <summary>A page being written: a StringBuilder with HTML-escaping helpers.</summary>
public sealed class Html
{
    private readonly StringBuilder text = new(8192);

    public Html Raw(string markup)
    {
        text.Append(markup);
        return this;
    }

    public Html Line(string markup)
    {
        text.Append(markup).Append('\n');
        return this;
    }

    public Html Text(string value)
    {
        text.Append(WebUtility.HtmlEncode(value));
        return this;
    }

    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    public Html Link(string href, string label, string? cssClass = null)
    {
        text.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append('"');
        if (cssClass is not null)
        {
            text.Append(" class=\"").Append(cssClass).Append('"');
        }

        text.Append(" title=\"").Append(WebUtility.HtmlEncode(label)).Append("\" target=\"_blank\">").Append(WebUtility.HtmlEncode(label)).Append("</a>");
        return this;
    }

    public override string ToString() => text.ToString();
}
