using System.Text;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Text;
using GovEval.Tests.Cli;

namespace GovEval.Tests.Tables;

public sealed class UserTextFileTests : IDisposable
{
    private const string Chinese = "单位,名称\n440303,深圳市罗湖区\n110000,北京市（京）·镕\n";

    private readonly TempFolder folder = new();

    static UserTextFileTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public void Dispose() => folder.Dispose();

    private static Encoding Gbk => Encoding.GetEncoding(936);

    private static Encoding Gb18030 => Encoding.GetEncoding(54936);

    private string Write(string name, byte[] bytes)
    {
        var path = folder[name];
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (string Text, TextFileEncoding Encoding) ReadAll(string path, long? maxBytes = null)
    {
        using var reader = UserTextFile.Open(path, maxBytes, "--max-test", out var encoding);
        return (reader.ReadToEnd(), encoding);
    }

    public static TheoryData<string, byte[]> Marked => new()
    {
        { "UTF-8", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Chinese)] },
        { "UTF-16LE", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Chinese)] },
        { "UTF-16BE", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Chinese)] },
        { "UTF-32LE", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Chinese)] },
        { "UTF-32BE", [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(Chinese)] },
    };

    [Theory]
    [MemberData(nameof(Marked))]
    public void A_byte_order_mark_names_the_encoding_and_is_not_part_of_the_text(string name, byte[] bytes)
    {
        var (text, encoding) = ReadAll(Write("marked.csv", bytes));

        Assert.Equal(Chinese, text);
        Assert.Equal(new TextFileEncoding(name, true), encoding);
    }

    [Fact]
    public void Gb18030_with_its_byte_order_mark_is_read_as_gb18030()
    {
        var (text, encoding) = ReadAll(Write("gb.csv", [0x84, 0x31, 0x95, 0x33, .. Gb18030.GetBytes(Chinese)]));

        Assert.Equal(Chinese, text);
        Assert.Equal(new TextFileEncoding("GB18030", true), encoding);
    }

    [Fact]
    public void Unmarked_text_is_utf8_when_every_byte_decodes_as_utf8()
    {
        var (text, encoding) = ReadAll(Write("u.csv", Encoding.UTF8.GetBytes(Chinese)));

        Assert.Equal(Chinese, text);
        Assert.Equal(new TextFileEncoding("UTF-8", false), encoding);
    }

    [Fact]
    public void Gbk_as_excel_writes_it_on_a_chinese_windows_is_read_as_gb18030()
    {
        // 镕 is one of the characters GBK has and GB2312 has not; GBK is a subset of GB18030.
        var (text, encoding) = ReadAll(Write("gbk.csv", Gbk.GetBytes(Chinese)));

        Assert.Equal(Chinese, text);
        Assert.Equal(new TextFileEncoding("GB18030", false), encoding);
    }

    [Fact]
    public void Bytes_neither_utf8_nor_gb18030_are_refused_with_the_line_and_offset_never_replaced()
    {
        // A UTF-8 file with one damaged byte on line 3: UTF-8 reads further than GB18030, so that is the one reported.
        var good = Encoding.UTF8.GetBytes("单位,名称\n440303,罗湖区\n110000,北京");
        var path = Write("bad.csv", [.. good, 0xFF, .. "市\n"u8.ToArray()]);

        var error = Assert.Throws<InputException>(() => ReadAll(path));

        Assert.Equal($"{path}:3", error.Location);
        Assert.Contains($"not UTF-8 (byte 0xFF at byte offset {good.Length})", error.Message);
        Assert.Contains("and not GB18030 either", error.Message);
        Assert.DoesNotContain("\uFFFD", error.Message);
    }

    [Fact]
    public void A_file_that_claims_an_encoding_by_its_mark_and_breaks_it_is_refused_where_it_breaks()
    {
        // UTF-16LE "a\nb\n" then a lone high surrogate on line 3.
        var path = Write("bad16.txt", [0xFF, 0xFE, (byte)'a', 0, 0x0A, 0, (byte)'b', 0, 0x0A, 0, 0x00, 0xD8, (byte)'c', 0]);

        var error = Assert.Throws<InputException>(() => ReadAll(path));

        Assert.Equal($"{path}:3", error.Location);
        Assert.Contains("not valid UTF-16LE (the file starts with its byte order mark)", error.Message);
        Assert.Contains("at byte offset 10", error.Message);
    }

    [Fact]
    public void A_utf8_sequence_cut_off_by_the_end_of_the_file_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,北");
        var path = Write("cut.csv", [0xEF, 0xBB, 0xBF, .. bytes[..^1]]);

        var error = Assert.Throws<InputException>(() => ReadAll(path));

        Assert.Equal($"{path}:2", error.Location);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read_and_the_message_says_how_to_raise_it()
    {
        var path = Write("big.csv", new byte[3 * 1024 * 1024]);

        var error = Assert.Throws<InputException>(() => ReadAll(path, maxBytes: 1024 * 1024));

        Assert.Equal(path, error.Location);
        Assert.Contains("the file is 3 MB, larger than the 1 MB limit (raise it with --max-test)", error.Message);
    }

    // GBK bytes of 鏁版嵁 are the UTF-8 bytes of 数据: detection cannot tell them apart, so a person says (--encoding).
    [Fact]
    public void A_gbk_file_that_is_also_valid_utf8_is_read_as_gbk_when_told()
    {
        var path = Write("ambiguous.csv", Gbk.GetBytes("code,name\n1,鏁版嵁\n"));

        using (var detected = UserTextFile.Open(path, null, null, UserEncoding.Auto, out var auto))
        {
            Assert.Equal("code,name\n1,数据\n", detected.ReadToEnd());
            Assert.Equal("UTF-8", auto.Name);
        }

        using var told = UserTextFile.Open(path, null, null, UserTextFile.ParseEncoding("GBK", "--encoding"), out var encoding);
        Assert.Equal("code,name\n1,鏁版嵁\n", told.ReadToEnd());
        Assert.Equal("GB18030", encoding.Name);
    }

    [Fact]
    public void A_forced_encoding_the_bytes_break_is_refused_with_line_and_offset_and_a_contradicting_mark_is_refused()
    {
        var gbk = Write("gbk.csv", Gbk.GetBytes("code,name\n1,罗湖区\n"));
        var broken = Assert.Throws<InputException>(() =>
        {
            using var reader = UserTextFile.Open(gbk, null, null, UserEncoding.Utf8, out _);
            reader.ReadToEnd();
        });
        Assert.Contains("gbk.csv:2", broken.Location);
        Assert.Contains("byte offset 12", broken.Message);

        var marked = Write("marked.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("code\n1\n")]);
        var contradiction = Assert.Throws<InputException>(() => UserTextFile.Open(marked, null, null, UserEncoding.Gb18030, out _));
        Assert.Contains("UTF-8 byte order mark", contradiction.Message);
        using var agreeing = UserTextFile.Open(marked, null, null, UserEncoding.Utf8, out _);
        Assert.Equal("code\n1\n", agreeing.ReadToEnd());

        var unknown = Assert.Throws<InputException>(() => UserTextFile.ParseEncoding("latin1", "--encoding"));
        Assert.Equal("--encoding", unknown.Location);
    }

    [Fact]
    public void A_gbk_framework_file_loads_like_its_utf8_original()
    {
        var original = Path.Combine(CliWorkspace.RepoRoot(), "frameworks", "digital-gov-capability-2020.yaml");
        var gbk = Write("capability-gbk.yaml", Gbk.GetBytes(File.ReadAllText(original)));

        var expected = FrameworkLoader.LoadFile(original);
        var loaded = FrameworkLoader.LoadFile(gbk);

        Assert.Equal(expected.Name, loaded.Name);
        Assert.Equal(
            expected.Indicators().Select(i => i.Name),
            loaded.Indicators().Select(i => i.Name));
    }

    [Fact]
    public void A_framework_file_that_is_not_text_is_refused_naming_the_file_and_line()
    {
        var path = Write("broken.yaml", [.. "id: x\nname: "u8.ToArray(), 0xC3, 0x28, 0x80, 0xFF, (byte)'\n']);

        var error = Assert.Throws<InputException>(() => FrameworkLoader.LoadFile(path));

        Assert.Equal($"{path}:2", error.Location);
        Assert.Contains("not readable text", error.Message);
    }
}
