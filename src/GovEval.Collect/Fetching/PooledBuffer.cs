using System.Buffers;
using System.Text;

namespace GovEval.Collect.Fetching;

/// <summary>A growable byte buffer rented from the shared pool, so bodies don't allocate per page.</summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] array;

    public PooledBuffer(int initial = 16 * 1024)
    {
        array = ArrayPool<byte>.Shared.Rent(initial);
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => array.AsMemory(0, Length);

    /// <summary>Room for at least <paramref name="size"/> more bytes.</summary>
    public Memory<byte> GetMemory(int size)
    {
        if (array.Length - Length < size)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, Length + size));
            array.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(array);
            array = bigger;
        }

        return array.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Empties the buffer, keeping its array for the next content.</summary>
    public void Clear() => Length = 0;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetMemory(bytes.Length).Span);
        Length += bytes.Length;
    }

    /// <summary>Appends text as UTF-8; header text is nearly always ASCII, so that is one vectorised copy.</summary>
    public void WriteText(string text)
    {
        var room = GetMemory(text.Length * 3).Span;
        if (Ascii.FromUtf16(text, room, out var written) != OperationStatus.Done)
        {
            written = Encoding.UTF8.GetBytes(text, room);
        }

        Length += written;
    }

    public byte[] ToArray() => Span.ToArray();

    public void Dispose()
    {
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
            array = [];
        }
    }
}
