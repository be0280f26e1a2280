namespace GovEval.Collect.Warc;

/// <summary>
/// WARC-Record-IDs: random (version 4) UUID URNs. Drawn from the runtime's per-thread generator (seeded from
/// the operating system) rather than Guid.NewGuid, which asks the kernel for random bytes on every call and,
/// at two records a page, was a visible part of a crawl's cost; 122 random bits keep ids unique all the same.
/// </summary>
internal static class RecordIds
{
    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);

        // Guid's byte order puts the version in the high nibble of byte 7 and the RFC 9562 variant in byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return string.Create(45, new Guid(bytes), static (chars, id) =>
        {
            "urn:uuid:".CopyTo(chars);
            id.TryFormat(chars[9..], out _, "D");
        });
    }
}
