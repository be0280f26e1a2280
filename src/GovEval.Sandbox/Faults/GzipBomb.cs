using System.IO.Compression;

namespace GovEval.Sandbox.Faults;

/// <summary>
/// A response declared gzip that inflates to an enormous size from a small body: repeated gzip members of 16 MiB
/// of spaces each (RFC 1952 allows concatenated members; decoders inflate them all).
/// </summary>
public static class GzipBomb
{
    private const int MemberInflated = 16 * 1024 * 1024;
    private static readonly Lazy<byte[]> Member = new(() =>
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < MemberInflated / spaces.Length; i++)
            {
                gzip.Write(spaces);
            }
        }

        return output.ToArray();
    });

    /// <summary>Members needed to inflate to at least <paramref name="inflatedBytes"/>.</summary>
    public static int Members(long inflatedBytes) => (int)Math.Max(1, (inflatedBytes + MemberInflated - 1) / MemberInflated);

    public static long CompressedLength(long inflatedBytes) => Members(inflatedBytes) * (long)Member.Value.Length;

    public static long InflatedLength(long inflatedBytes) => Members(inflatedBytes) * (long)MemberInflated;

    public static async Task WriteAsync(Stream body, long inflatedBytes, CancellationToken cancel)
    {
        var member = Member.Value;
        for (var i = Members(inflatedBytes); i > 0; i--)
        {
            await body.WriteAsync(member, cancel);
        }
    }
}
