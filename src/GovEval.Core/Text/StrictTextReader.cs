using System.Text;

namespace GovEval.Core.Text;

/// <summary>
/// Decodes a byte stream as it is read, with no replacement characters: a byte sequence the encoding cannot
/// decode, or more bytes than allowed, stops the reading with the exception the owner builds (it knows the
/// file's name and how to count its lines). Never buffers more than one block, so a big file streams.
/// </summary>
internal sealed class StrictTextReader : TextReader
{
    private const int BlockBytes = 64 * 1024;

    private readonly Stream stream;
    private readonly Decoder decoder;
    private readonly long? maxBytes;
    private readonly Func<long, Exception> undecodable;
    private readonly Func<Exception> tooLarge;
    private readonly bool ownsStream;
    private readonly byte[] bytes = new byte[BlockBytes];
    private readonly char[] chars;
    private int charPosition;
    private int charLength;
    private bool ended;

    /// <param name="undecodable">Builds the error for the absolute byte offset of the first byte that cannot be decoded.</param>
    public StrictTextReader(Stream stream, Encoding strictEncoding, long? maxBytes, Func<long, Exception> undecodable, Func<Exception> tooLarge, bool ownsStream)
    {
        this.stream = stream;
        decoder = strictEncoding.GetDecoder();
        this.maxBytes = maxBytes;
        this.undecodable = undecodable;
        this.tooLarge = tooLarge;
        this.ownsStream = ownsStream;
        Position = stream.Position;
        chars = new char[strictEncoding.GetMaxCharCount(BlockBytes) + 8];
    }

    /// <summary>Bytes of the stream consumed so far (from its start, a byte order mark included).</summary>
    public long Position { get; private set; }

    public override int Peek() => Fill() ? chars[charPosition] : -1;

    public override int Read() => Fill() ? chars[charPosition++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, charLength - charPosition);
        chars.AsSpan(charPosition, count).CopyTo(buffer);
        charPosition += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsStream)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Where the undecodable bytes start in this block: negative when they began in the previous one. The UTF-16
    /// decoder reports a lone surrogate at the unit after it, so the index is moved back onto the bytes it names.
    /// </summary>
    private int IndexInBlock(DecoderFallbackException e, int read)
    {
        var index = e.Index;
        if (e.BytesUnknown is not { Length: > 0 } unknown || index < unknown.Length || index > read)
        {
            return index;
        }

        var at = index + unknown.Length <= read && bytes.AsSpan(index, unknown.Length).SequenceEqual(unknown);
        var before = bytes.AsSpan(index - unknown.Length, unknown.Length).SequenceEqual(unknown);
        return !at && before ? index - unknown.Length : index;
    }

    private bool Fill()
    {
        while (charPosition == charLength)
        {
            if (ended)
            {
                return false;
            }

            var start = Position;
            var read = stream.Read(bytes, 0, bytes.Length);
            Position += read;
            if (maxBytes is { } max && Position > max)
            {
                throw tooLarge();
            }

            try
            {
                // flush on the last block: a sequence cut off by the end of the file is invalid too.
                charLength = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            }
            catch (DecoderFallbackException e)
            {
                throw undecodable(Math.Max(0, start + IndexInBlock(e, read)));
            }

            charPosition = 0;
            ended = read == 0;
        }

        return true;
    }
}
