using System.Text;
using GovEval.Collect.Fetching;

namespace GovEval.Collect.Tests;

public sealed class CharsetDetectorTests
{
    private const string Text = "政务公开 镕 网站标识码";

    static CharsetDetectorTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static byte[] Page(Encoding encoding, string meta = "") =>
        encoding.GetBytes($"<!doctype html><html><head>{meta}<title>t</title></head><body><p>{Text}</p></body></html>");

    private static string Read(byte[] body, string? contentType)
    {
        var charset = CharsetDetector.Detect(body, contentType);
        return CharsetDetector.Decode(body, charset);
    }

    [Fact]
    public void A_header_charset_decodes_GBK() =>
        Assert.Contains(Text, Read(Page(Encoding.GetEncoding(936)), "text/html; charset=GBK"));

    [Fact]
    public void A_gb2312_label_is_read_as_GBK()
    {
        // 镕 is outside GB2312: only a GBK reading gets it right.
        Assert.Contains(Text, Read(Page(Encoding.GetEncoding(936), "<meta charset=\"gb2312\">"), "text/html"));
    }

    [Fact]
    public void The_header_overrides_a_wrong_meta() =>
        Assert.Contains(Text, Read(Page(Encoding.GetEncoding(936), "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"), "text/html; charset=gbk"));

    [Fact]
    public void A_bom_overrides_a_wrong_header()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Page(Encoding.UTF8, "<meta charset=gbk>")).ToArray();
        var charset = CharsetDetector.Detect(body, "text/html; charset=gbk");
        Assert.Equal("utf-8", charset.Name);
        Assert.Contains(Text, CharsetDetector.Decode(body, charset));
    }

    [Fact]
    public void Undeclared_GBK_is_sniffed_as_GB18030_and_undeclared_UTF8_as_UTF8()
    {
        Assert.Contains(Text, Read(Page(Encoding.GetEncoding(936)), "text/html"));
        Assert.Equal("gb18030", CharsetDetector.Detect(Page(Encoding.GetEncoding(936)), null).Name);
        Assert.Equal("utf-8", CharsetDetector.Detect(Page(Encoding.UTF8), null).Name);
    }

    [Fact]
    public void GB18030_four_byte_characters_decode()
    {
        const string rare = "㐀䶵";
        var body = Encoding.GetEncoding(54936).GetBytes($"<html><head><meta charset=gb18030></head><body>{rare}</body></html>");
        Assert.Contains(rare, Read(body, null));
    }
}
