using System.Globalization;
using System.Text;

namespace GovEval.Collect.Warc;

/// <summary>One WARC record as read back: its named fields and its block (for response records: HTTP head + payload).</summary>
public sealed class WarcRecord(IReadOnlyList<KeyValuePair<string, string>> fields, byte[] block, long offset)
{
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;

    public byte[] Block { get; } = block;

    /// <summary>Offset of the record's gzip member in its file.</summary>
    public long Offset { get; } = offset;

    public string? this[string name] => Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? Type => this["WARC-Type"];

    /// <summary>The record id without angle brackets (urn:uuid:…), as evidence names it.</summary>
    public string? RecordId => this["WARC-Record-ID"]?.Trim('<', '>');

    public string? TargetUri => this["WARC-Target-URI"];

    /// <summary>For HTTP records, where the payload starts (after the blank line ending the HTTP head).</summary>
    public int PayloadStart
    {
        get
        {
            var index = Block.AsSpan().IndexOf("\r\n\r\n"u8);
            return index < 0 ? 0 : index + 4;
        }
    }

    public ReadOnlyMemory<byte> Payload => Type is "response" or "request" ? Block.AsMemory(PayloadStart) : Block;

    public string HttpHead => Encoding.Latin1.GetString(Block, 0, Math.Max(0, PayloadStart));

    public int? HttpStatus
    {
        get
        {
            var head = HttpHead;
            var parts = head.Split(' ', 3);
            return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : null;
        }
    }
}
