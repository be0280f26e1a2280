using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GovEval.Collect.Warc;

/// <summary>
/// A small, fast deflate encoder (RFC 1951) for WARC records: greedy LZ77 over a 4,096-entry hash of 4-byte
/// sequences, one candidate per position, coded as a single block with the fixed Huffman codes; data that does
/// not shrink is written as stored blocks instead. It compresses government pages about as well as zlib's
/// fastest level, but each record costs only its own bytes: zlib sets up (or, on a full flush, clears) a
/// 128 KB hash table per record, which cost more than a few-KB page itself. One instance per thread.
/// </summary>
internal sealed class FastDeflate
{
    private const int HashBits = 12;
    private const int WindowSize = 32768;
    private const int MinMatch = 4;
    private const int MaxMatch = 258;
    private const int MaxStoredBlock = 65535;

    // hash → position + offset of the last sequence seen; entries below the current record's offset are stale,
    // so the table never needs clearing between records.
    private readonly int[] table = new int[1 << HashBits];
    private int offset = 1;

    /// <summary>The most bytes <see cref="Compress"/> writes for an input of this length.</summary>
    public static int MaxOutput(int length) => length + 5 * (length / MaxStoredBlock + 1) + 16;

    /// <summary>Writes the whole deflate stream (final block included) for <paramref name="input"/>; returns its length.</summary>
    public int Compress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (offset > int.MaxValue - input.Length - WindowSize - 1)
        {
            Array.Clear(table);
            offset = 1;
        }

        // Fixed codes that come out longer than the input give way to stored blocks.
        var written = input.Length < 16 ? -1 : Fixed(input, output[..Math.Min(output.Length, input.Length + 64)]);
        offset += input.Length + 1;
        return written >= 0 ? written : Stored(input, output);
    }

    /// <summary>One fixed-code block; -1 when it would not fit in <paramref name="output"/> (the data does not compress).</summary>
    /// <remarks>
    /// The hot loop keeps everything in locals and reads through refs: bounds checks, static-field checks and a
    /// bit writer kept in memory each cost as much per byte as the coding itself.
    /// </remarks>
    private int Fixed(ReadOnlySpan<byte> input, Span<byte> output)
    {
        ref var source = ref MemoryMarshal.GetReference(input);
        ref var target = ref MemoryMarshal.GetReference(output);
        ref var hashes = ref MemoryMarshal.GetArrayDataReference(table);
        ref var literals = ref MemoryMarshal.GetArrayDataReference(FixedCodes.Literals);
        ref var lengths = ref MemoryMarshal.GetArrayDataReference(FixedCodes.Lengths);
        ref var distanceCodes = ref MemoryMarshal.GetArrayDataReference(FixedCodes.Distances);
        var start = offset;
        var length = input.Length;
        var limit = output.Length - 64;
        ulong buffer = 0b011; // BFINAL = 1, BTYPE = 01 (fixed codes)
        var count = 3;
        var written = 0;
        var i = 0;
        var last = length - MinMatch;
        while (i <= last)
        {
            if (written > limit)
            {
                return -1;
            }

            var sequence = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, i));
            ref var entry = ref Unsafe.Add(ref hashes, (int)((sequence * 2654435761u) >> (32 - HashBits)));
            var candidate = entry - start;
            entry = i + start;
            uint code;
            if ((uint)candidate < (uint)i && i - candidate <= WindowSize && Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, candidate)) == sequence)
            {
                var match = MinMatch + Common(ref source, candidate + MinMatch, i + MinMatch, Math.Min(MaxMatch - MinMatch, length - i - MinMatch));
                code = Unsafe.Add(ref lengths, match);
                buffer |= (ulong)(code & 0xFFFFFF) << count;
                count += (int)(code >> 24);

                // RFC 1951 distance codes by arithmetic: code 2n or 2n+1 for distances 2^n+1 .. 2^(n+1) (n-1 extra
                // bits), codes 0-3 for 1-4; a table by range needed a branch that mispredicted on every other match.
                var d1 = (uint)(i - candidate - 1);
                var log = 31 - BitOperations.LeadingZeroCount(d1 | 1);
                var extra = Math.Max(log - 1, 0);
                code = Unsafe.Add(ref distanceCodes, 2 * log + (int)((d1 >> extra) & 1)) | ((d1 & ((1u << extra) - 1)) << 5) | ((uint)(5 + extra) << 24);
                buffer |= (ulong)(code & 0xFFFFFF) << count;
                count += (int)(code >> 24);
                i += match;
            }
            else
            {
                code = Unsafe.Add(ref literals, Unsafe.Add(ref source, i));
                buffer |= (ulong)(code & 0xFFFF) << count;
                count += (int)(code >> 16);
                i++;
            }

            // At most 31 bits were added to fewer than 32: one word out keeps the buffer under 32 bits. The word is
            // stored every time and kept only when full: a branch here was taken every second or third symbol and
            // mispredicted about as often (~10% of the compression time).
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, written), (uint)buffer);
            var full = count >> 5;
            written += full << 2;
            buffer >>= full << 5;
            count -= full << 5;
        }

        for (; i < length; i++)
        {
            var code = Unsafe.Add(ref literals, Unsafe.Add(ref source, i));
            buffer |= (ulong)(code & 0xFFFF) << count;
            count += (int)(code >> 16);
            if (count >= 32)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, written), (uint)buffer);
                written += 4;
                buffer >>= 32;
                count -= 32;
            }
        }

        count += 7; // end of block: seven zero bits
        while (count > 0)
        {
            Unsafe.Add(ref target, written++) = (byte)buffer;
            buffer >>= 8;
            count -= 8;
        }

        return written;
    }

    // Inlined into the hot loop: the call was about 5% of the compression time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Common(ref byte data, int a, int b, int max)
    {
        var n = 0;
        while (n + 8 <= max)
        {
            var diff = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, a + n)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, b + n));
            if (diff != 0)
            {
                return n + BitOperations.TrailingZeroCount(diff) / 8;
            }

            n += 8;
        }

        while (n < max && Unsafe.Add(ref data, a + n) == Unsafe.Add(ref data, b + n))
        {
            n++;
        }

        return n;
    }

    private static int Stored(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var o = 0;
        var p = 0;
        do
        {
            var length = Math.Min(input.Length - p, MaxStoredBlock);
            var last = p + length == input.Length;
            output[o++] = (byte)(last ? 1 : 0);
            BinaryPrimitives.WriteUInt16LittleEndian(output[o..], (ushort)length);
            BinaryPrimitives.WriteUInt16LittleEndian(output[(o + 2)..], (ushort)~length);
            o += 4;
            input.Slice(p, length).CopyTo(output[o..]);
            o += length;
            p += length;
        }
        while (p < input.Length);

        return o;
    }

    /// <summary>
    /// The fixed Huffman codes of RFC 1951 3.2.6, bit-reversed for writing, each with its extra bits folded in:
    /// low 24 bits the value to write, high 8 bits how many bits it has.
    /// </summary>
    private static class FixedCodes
    {
        // Static fields initialise in order: the RFC's base and extra-bit tables come before the tables built from them.
        private static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
        private static readonly int[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

        public static readonly uint[] Literals = BuildLiterals();
        public static readonly uint[] Lengths = BuildLengths();
        /// <summary>The 30 distance codes, five bits each, reversed.</summary>
        public static readonly uint[] Distances = BuildDistances();

        private static uint Reverse(int code, int length)
        {
            var reversed = 0;
            for (var k = 0; k < length; k++)
            {
                reversed = (reversed << 1) | ((code >> k) & 1);
            }

            return (uint)reversed;
        }

        private static uint[] BuildDistances()
        {
            var codes = new uint[30];
            for (var code = 0; code < codes.Length; code++)
            {
                codes[code] = Reverse(code, 5);
            }

            return codes;
        }

        private static uint[] BuildLiterals()
        {
            var codes = new uint[256];
            for (var v = 0; v < 256; v++)
            {
                codes[v] = v < 144 ? Reverse(0x30 + v, 8) | (8u << 16) : Reverse(0x190 + v - 144, 9) | (9u << 16);
            }

            return codes;
        }

        // Length/literal symbols 257..279 have 7-bit codes from 0, 280..287 8-bit codes from 0xC0.
        private static (uint Code, int Length) Symbol(int symbol) =>
            symbol < 280 ? (Reverse(symbol - 256, 7), 7) : (Reverse(0xC0 + symbol - 280, 8), 8);

        private static uint[] BuildLengths()
        {
            var table = new uint[MaxMatch + 1];
            for (var length = 3; length <= MaxMatch; length++)
            {
                var index = LengthBase.Length - 1;
                while (LengthBase[index] > length)
                {
                    index--;
                }

                var (code, codeLength) = Symbol(257 + index);
                var extra = LengthExtra[index];
                table[length] = code | ((uint)(length - LengthBase[index]) << codeLength) | ((uint)(codeLength + extra) << 24);
            }

            return table;
        }
    }
}
