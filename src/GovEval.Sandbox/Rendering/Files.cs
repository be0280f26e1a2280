using System.Text;

namespace GovEval.Sandbox.Rendering;

/// <summary>Non-HTML resources: attachments (pdf, doc, xls), images, style sheet and script.</summary>
public static class Files
{
    /// <summary>A valid 1×1 PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public const string Css = "body{font-family:sans-serif;margin:0}.nav ul{display:flex;flex-wrap:wrap;list-style:none}.nav li{margin:0 8px}" +
        ".block{margin:12px}.date,.col-date{float:right;color:#666}.footer{text-align:center;color:#666}\n";

    public const string Script = "document.documentElement.className+=' js';\n";

    public static (byte[] Body, string ContentType) Attachment(string title, string extension) => extension switch
    {
        "pdf" => (Pdf(title), "application/pdf"),
        // Many government sites publish Word and Excel forms saved as HTML with a .doc/.xls name; Office opens them.
        "doc" => (OfficeHtml(title), "application/msword"),
        _ => (OfficeHtml(title), "application/vnd.ms-excel"),
    };

    private static byte[] OfficeHtml(string title) => Encoding.UTF8.GetBytes(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=\"utf-8\"></head><body>" +
        $"<table border=\"1\"><tr><th colspan=\"2\">{System.Net.WebUtility.HtmlEncode(title)}</th></tr>" +
        "<tr><td>申请人</td><td></td></tr><tr><td>联系电话</td><td></td></tr><tr><td>申请事项</td><td></td></tr></table></body></html>");

    /// <summary>A minimal well-formed PDF (one page, ASCII text, correct xref offsets).</summary>
    private static byte[] Pdf(string title)
    {
        // Standard Type 1 fonts carry no CJK glyphs; the Chinese title stays in the page that links the file.
        const string text = "GovEval sandbox form";
        _ = title;
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var stream = $"BT /F1 18 Tf 72 760 Td ({text}) Tj ET";
        objects[3] = $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("0000000000", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
