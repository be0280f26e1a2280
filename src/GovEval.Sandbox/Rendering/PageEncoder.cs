using System.Text;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>Turns a page into the bytes and Content-Type header its site's encoding and declaration call for.</summary>
public static class PageEncoder
{
    static PageEncoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly Encoding Gbk = GetCodePage(936);
    private static readonly Encoding Gb18030 = GetCodePage(54936);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static Encoding GetCodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    public static string Label(PageEncoding encoding) => encoding switch
    {
        PageEncoding.Gbk => "gbk",
        PageEncoding.Gb18030 => "gb18030",
        _ => "utf-8",
    };

    public static Encoding For(PageEncoding encoding) => encoding switch
    {
        PageEncoding.Gbk => Gbk,
        PageEncoding.Gb18030 => Gb18030,
        _ => Utf8,
    };

    public static (byte[] Body, string ContentType) Encode(SiteModel site, string html)
    {
        var body = For(site.Encoding).GetBytes(html);
        switch (site.Declaration)
        {
            case CharsetDeclaration.HeaderAndMeta or CharsetDeclaration.HeaderOnly:
                return (body, $"text/html; charset={Label(site.Encoding)}");
            case CharsetDeclaration.HeaderOverridesMeta:
                return (body, "text/html; charset=gbk");
            case CharsetDeclaration.BomOverridesHeader:
                return ([.. Encoding.UTF8.Preamble, .. body], "text/html; charset=gbk");
            default:
                return (body, "text/html");
        }
    }

    /// <summary>Text resources (robots.txt, sitemap.xml, css, js) are always UTF-8 and say so.</summary>
    public static byte[] Utf8Bytes(string text) => Utf8.GetBytes(text);
}
