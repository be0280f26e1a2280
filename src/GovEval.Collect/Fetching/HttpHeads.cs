using System.Globalization;

namespace GovEval.Collect.Fetching;

/// <summary>
/// The request and response heads of an exchange as the WARC records keep them, and the header map of an
/// observation, read from the raw header values (HttpHeaders.NonValidated): parsing every header of every page
/// into typed values only to print them again was a visible part of a crawl's cost.
/// </summary>
internal static class HttpHeads
{
    /// <summary>The request line, Host and the request's header lines (from <see cref="Lines"/>), then the blank line.</summary>
    public static void WriteRequest(PooledBuffer block, string method, Uri uri, ReadOnlySpan<byte> headerLines)
    {
        block.WriteText(method);
        block.Write(" "u8);
        block.WriteText(uri.PathAndQuery);
        block.Write(" HTTP/1.1\r\nHost: "u8);
        block.WriteText(uri.Authority);
        block.Write("\r\n"u8);
        block.Write(headerLines);
        block.Write("\r\n"u8);
    }

    /// <summary>Header lines as sent ("Name: value" and CRLF each), for headers every request carries.</summary>
    public static byte[] Lines(IEnumerable<KeyValuePair<string, string>> headers)
    {
        using var lines = new PooledBuffer(512);
        foreach (var (name, value) in headers)
        {
            Line(lines, name, value);
        }

        return lines.ToArray();
    }

    /// <summary>The status line and the headers of <see cref="Map"/> (read once for both), in the order they came.</summary>
    public static void WriteResponse(PooledBuffer head, HttpResponseMessage response, IReadOnlyDictionary<string, string> headers)
    {
        head.Write(response.Version.Major == 2 ? "HTTP/2 "u8 : "HTTP/1.1 "u8);
        var room = head.GetMemory(12).Span;
        ((int)response.StatusCode).TryFormat(room, out var written, provider: CultureInfo.InvariantCulture);
        head.Advance(written);
        head.Write(" "u8);
        head.WriteText(response.ReasonPhrase ?? "");
        head.Write("\r\n"u8);
        foreach (var (name, value) in headers)
        {
            // The payload is stored de-chunked, so a Transfer-Encoding header would misdescribe it.
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            Line(head, name, value);
        }

        head.Write("\r\n"u8);
    }

    /// <summary>Every response header in arrival order, values of a repeated name joined with ", ".</summary>
    public static HeaderMap Map(HttpResponseMessage response)
    {
        var headers = new HeaderMap(response.Headers.NonValidated.Count + response.Content.Headers.NonValidated.Count);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            headers.Set(name, values.ToString());
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            headers.Set(name, values.ToString());
        }

        return headers.Trim();
    }

    private static void Line(PooledBuffer output, string name, string value)
    {
        output.WriteText(name);
        output.Write(": "u8);
        output.WriteText(value);
        output.Write("\r\n"u8);
    }
}
