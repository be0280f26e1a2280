using System.Text;
using CsCheck;

namespace GovEval.Tests.Tables;

/// <summary>
/// Fuzzed CSV files through <c>registry import</c> and <c>inputs import</c> in-process: random bytes, mutated valid
/// files and random text in random encodings. About 20 seconds in all.
/// </summary>
public sealed class CsvImportFuzzTests
{
    private static string Print(byte[] bytes) => Convert.ToBase64String(bytes);

    [Fact]
    public async Task Random_bytes_are_imported_or_refused_never_crash_and_a_refusal_changes_nothing()
    {
        using var fuzzing = await ImportFuzzing.RegistryAsync();

        await ImportFuzzing.SampleAsync(Gen.Byte.Array[0, 400], bytes => fuzzing.ImportAsync(bytes, ".csv"), 3, Print);

        Assert.True(fuzzing.Exit0 + fuzzing.Exit2 > 1);
    }

    [Fact]
    public async Task Mutated_registry_files_in_any_encoding_are_imported_or_refused_cleanly()
    {
        using var fuzzing = await ImportFuzzing.RegistryAsync();
        Assert.Equal(0, await fuzzing.ImportAsync(Encoding.UTF8.GetBytes(ImportFuzzing.RegistryCsv), ".csv"));
        var gen = Gen.Int[0, ImportFuzzing.Encodings.Length - 1]
            .SelectMany(e => ImportFuzzing.Mutated(ImportFuzzing.Encodings[e].Encode(ImportFuzzing.RegistryCsv)));

        await ImportFuzzing.SampleAsync(gen, bytes => fuzzing.ImportAsync(bytes, ".csv"), 5, Print);

        Assert.True(fuzzing.Exit0 + fuzzing.Exit2 > 2);
    }

    [Fact]
    public async Task Mutated_inputs_files_in_any_encoding_are_imported_or_refused_cleanly()
    {
        using var fuzzing = await ImportFuzzing.InputsAsync();
        Assert.Equal(0, await fuzzing.ImportAsync(Encoding.UTF8.GetBytes(ImportFuzzing.InputsCsv), ".csv"));
        var gen = Gen.Int[0, ImportFuzzing.Encodings.Length - 1]
            .SelectMany(e => ImportFuzzing.Mutated(ImportFuzzing.Encodings[e].Encode(ImportFuzzing.InputsCsv)));

        await ImportFuzzing.SampleAsync(gen, bytes => fuzzing.ImportAsync(bytes, ".csv"), 5, Print);

        Assert.True(fuzzing.Exit0 + fuzzing.Exit2 > 2);
    }

    // GB18030-only (U+20000, 䶮), GBK, GB2312 and ASCII characters.
    private const string NameCharacters = "深圳前海新区罗湖福田镕䶮堃喆ab12·（）";

    [Fact]
    public async Task A_name_in_any_readable_encoding_is_stored_exactly_as_written()
    {
        using var fuzzing = await ImportFuzzing.RegistryAsync();
        var characters = NameCharacters.Select(c => c.ToString()).Append("\U00020000").ToArray();
        var gen = Gen.Select(Gen.OneOf(characters).Array[1, 12], Gen.Int[0, ImportFuzzing.Encodings.Length - 1]);

        await ImportFuzzing.SampleAsync(
            gen,
            async sample =>
            {
                var (parts, encoding) = sample;
                // A prefix no shipped unit has, so the name never collides with another unit's.
                var name = "试验" + string.Concat(parts);
                var (label, encode, readable) = ImportFuzzing.Encodings[encoding];
                var bytes = encode($"code,name\n440399,{name}\n");
                var code = await fuzzing.ImportAsync(bytes, ".csv");
                if (!readable || !Representable(label, name))
                {
                    return;
                }

                Assert.True(code == 0, $"{label}: '{name}' was refused");
                Assert.Equal(name, fuzzing.Query("SELECT Name FROM Units WHERE Code = '440399'"));
            },
            5,
            sample => $"试验{string.Concat(sample.Item1)} as {ImportFuzzing.Encodings[sample.Item2].Name}");
    }

    private static bool Representable(string label, string text)
    {
        var codePage = label switch
        {
            "gbk" => 936,
            "gb18030" or "gb18030 bom" => 54936,
            _ => 65001,
        };
        try
        {
            Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
