namespace GovEval.Collect.Fetching;

/// <summary>
/// From the bytes of a response as they came off the wire to the HTML text the checks read: the Content-Encoding
/// undone within the inflation limit, then the charset decided and applied. The fetcher and the reader of stored
/// observations both go through here, so a page reloaded from its WARC record is the very text the checks saw
/// when it was collected (one derivation of a page's text, not two).
/// </summary>
public static class ResponseBody
{
    /// <summary>The text of an HTML body whose coding is already undone, and the name of the charset it was read with.</summary>
    public static (string Html, string? Charset) DecodeHtml(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.Length == 0)
        {
            return ("", CharsetDetector.FromContentType(contentType));
        }

        var detected = CharsetDetector.Detect(body, contentType);
        return (CharsetDetector.Decode(body, detected), detected.Name);
    }

    /// <summary>
    /// True when the body as received must be decoded before use: a coding we can undo, or an identity body over the
    /// limit (which the decoder then refuses). A coding we cannot undo is kept as sent, as browsers would show it.
    /// </summary>
    internal static bool NeedsDecoding(string? coding, long receivedLength, long maxInflatedBytes) =>
        ContentDecoder.IsSupported(coding) && !(ContentDecoder.IsIdentity(coding) && receivedLength <= maxInflatedBytes);

    /// <summary>
    /// The HTML text of an archived response's payload (as received: <paramref name="headers"/> say its coding), or
    /// null when the response is not HTML. Throws <see cref="InvalidDataException"/> when the payload does not decode
    /// within <paramref name="maxInflatedBytes"/> (it did when it was collected, so the archive is not what was read).
    /// </summary>
    public static (string Html, string? Charset)? HtmlOfReceived(ReadOnlyMemory<byte> received, IReadOnlyDictionary<string, string> headers, string? contentType, long maxInflatedBytes)
    {
        if (!FetchResult.IsHtmlType(contentType))
        {
            return null;
        }

        var coding = ContentDecoder.LastCoding(headers);
        if (!NeedsDecoding(coding, received.Length, maxInflatedBytes))
        {
            return DecodeHtml(received.Span, contentType);
        }

        using var decoded = new PooledBuffer(received.Length + 1);
        if (!ContentDecoder.TryDecode(received, coding, maxInflatedBytes, decoded))
        {
            throw new InvalidDataException($"the {coding} payload inflates beyond {maxInflatedBytes} bytes");
        }

        return DecodeHtml(decoded.Span, contentType);
    }
}
