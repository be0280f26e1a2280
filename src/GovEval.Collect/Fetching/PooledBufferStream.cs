namespace GovEval.Collect.Fetching;

/// <summary>A write-only stream into a <see cref="PooledBuffer"/>, so compressors write into rented memory.</summary>
internal sealed class PooledBufferStream(PooledBuffer buffer) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => buffer.Length;

    public override long Position { get => buffer.Length; set => throw new NotSupportedException(); }

    public override void Write(byte[] data, int offset, int count) => buffer.Write(data.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> data) => buffer.Write(data);

    public override void Flush()
    {
    }

    public override int Read(byte[] data, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
