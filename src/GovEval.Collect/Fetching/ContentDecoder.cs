using System.IO.Compression;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Our own Content-Encoding decoding (the handler's is off) so a gzip bomb stops at a limit instead of
/// inflating a gigabyte into memory.
/// </summary>
internal static class ContentDecoder
{
    /// <summary>The coding applied last, so undone first: the final token of Content-Encoding (null when none).</summary>
    public static string? LastCoding(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("Content-Encoding", out var value) ? value[(value.LastIndexOf(',') + 1)..].Trim() : null;

    public static bool IsIdentity(string? encoding) => encoding is null or "" or "identity";

    public static bool IsSupported(string? encoding) => IsIdentity(encoding) || encoding is "gzip" or "x-gzip" or "deflate" or "br";

    /// <summary>Decodes <paramref name="raw"/> into <paramref name="output"/>; false when the result would exceed <paramref name="limit"/>.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> raw, string? encoding, long limit, PooledBuffer output)
    {
        var normalized = encoding?.Trim().ToLowerInvariant();
        if (IsIdentity(normalized))
        {
            if (raw.Length > limit)
            {
                return false;
            }

            output.Write(raw.Span);
            return true;
        }

        using var source = new ReadOnlyMemoryStream(raw);
        using Stream decoder = normalized switch
        {
            "gzip" or "x-gzip" => new GZipStream(source, CompressionMode.Decompress),
            "deflate" => LooksLikeZlib(raw.Span) ? new ZLibStream(source, CompressionMode.Decompress) : new DeflateStream(source, CompressionMode.Decompress),
            "br" => new BrotliStream(source, CompressionMode.Decompress),
            _ => throw new InvalidDataException($"unsupported Content-Encoding '{encoding}'"),
        };

        while (true)
        {
            var memory = output.GetMemory(64 * 1024);
            var read = decoder.Read(memory.Span);
            if (read == 0)
            {
                return true;
            }

            output.Advance(read);
            if (output.Length > limit)
            {
                return false;
            }
        }
    }

    // "deflate" in HTTP means zlib-wrapped, but some servers send raw deflate: a zlib header is 0x78 xx with a valid check.
    private static bool LooksLikeZlib(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;

    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => memory.Length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, memory.Length - position);
            memory.Span.Slice(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
