using System.Text;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace GovEval.Collect.Fetching;

/// <summary>The encoding a browser would pick for an HTML body, and why.</summary>
public readonly record struct DetectedCharset(Encoding Encoding, string Name, string Source, int BomLength);

/// <summary>
/// Decides a page's encoding the way browsers read Chinese government pages: a BOM wins over the header, the
/// header over a meta declaration; gb2312 labels are read as GBK (pages labelled gb2312 routinely use GBK-only
/// characters); with no declaration, valid UTF-8 is UTF-8 and anything else GB18030 (a superset of GBK).
/// </summary>
public static class CharsetDetector
{
    private const int PrescanBytes = 1024;

    static CharsetDetector()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static DetectedCharset Detect(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            return new DetectedCharset(Encoding.UTF8, "utf-8", "bom", 3);
        }

        if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE)
        {
            return new DetectedCharset(Encoding.Unicode, "utf-16le", "bom", 2);
        }

        if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF)
        {
            return new DetectedCharset(Encoding.BigEndianUnicode, "utf-16be", "bom", 2);
        }

        if (FromContentType(contentType) is { } header && ForLabel(header) is { } fromHeader)
        {
            return new DetectedCharset(fromHeader.Encoding, fromHeader.Name, "header", 0);
        }

        if (Prescan(body) is { } meta && ForLabel(meta) is { } fromMeta)
        {
            // A meta claiming UTF-16 on a byte stream that has no BOM is read as UTF-8 (HTML spec).
            return fromMeta.Name.StartsWith("utf-16", StringComparison.Ordinal)
                ? new DetectedCharset(Encoding.UTF8, "utf-8", "meta", 0)
                : new DetectedCharset(fromMeta.Encoding, fromMeta.Name, "meta", 0);
        }

        return IsValidUtf8(body)
            ? new DetectedCharset(Encoding.UTF8, "utf-8", "sniffed", 0)
            : new DetectedCharset(Encoding.GetEncoding(54936), "gb18030", "sniffed", 0);
    }

    public static string Decode(ReadOnlySpan<byte> body, DetectedCharset charset) => charset.Encoding.GetString(body[charset.BomLength..]);

    public static string? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var p = part.Trim();
            if (p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                return p["charset=".Length..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    /// <summary>Maps an encoding label to the encoding browsers actually use for it (WHATWG Encoding, Chinese subset).</summary>
    public static (Encoding Encoding, string Name)? ForLabel(string label)
    {
        var l = label.Trim().ToLowerInvariant();
        switch (l)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8":
                return (Encoding.UTF8, "utf-8");
            case "gbk" or "gb2312" or "x-gbk" or "cp936" or "ms936" or "windows-936" or "gb_2312-80" or "chinese" or "csgb2312" or "iso-ir-58" or "euc-cn":
                return (Encoding.GetEncoding(936), "gbk");
            case "gb18030":
                return (Encoding.GetEncoding(54936), "gb18030");
            case "big5" or "big5-hkscs" or "cn-big5" or "x-x-big5" or "csbig5":
                return (Encoding.GetEncoding(950), "big5");
            case "utf-16" or "utf-16le":
                return (Encoding.Unicode, "utf-16le");
            case "utf-16be":
                return (Encoding.BigEndianUnicode, "utf-16be");
            case "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "windows-1252":
                return (Encoding.GetEncoding(1252), "windows-1252");
        }

        try
        {
            var encoding = Encoding.GetEncoding(l);
            return (encoding, encoding.WebName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The HTML prescan: a meta charset or http-equiv content-type within the first 1024 bytes, read by AngleSharp's tokenizer.</summary>
    public static string? Prescan(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, PrescanBytes)]);
        var tokenizer = new HtmlTokenizer(new TextSource(head), AngleSharp.Html.HtmlEntityProvider.Resolver);
        while (true)
        {
            var token = tokenizer.Get();
            if (token.Type == HtmlTokenType.EndOfFile)
            {
                return null;
            }

            if (token.Type != HtmlTokenType.StartTag || token is not HtmlTagToken tag || tag.Name != "meta")
            {
                continue;
            }

            var charset = tag.GetAttribute("charset");
            if (!string.IsNullOrWhiteSpace(charset))
            {
                return charset.Trim();
            }

            if (string.Equals(tag.GetAttribute("http-equiv"), "content-type", StringComparison.OrdinalIgnoreCase)
                && FromContentType(tag.GetAttribute("content")) is { Length: > 0 } fromContent)
            {
                return fromContent;
            }
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> body)
    {
        try
        {
            StrictUtf8.GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
