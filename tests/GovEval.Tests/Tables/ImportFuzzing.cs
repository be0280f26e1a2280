using System.Text;
using System.Text.Json;
using CsCheck;
using GovEval.Core.Tables;
using Microsoft.Data.Sqlite;
using GovEval.Tests.Cli;

namespace GovEval.Tests.Tables;

/// <summary>
/// A store and the real import command run in-process on fuzzed files. Every import must exit 0 or 2; on 2 the
/// store holds exactly what it held before (every row of every table, read straight from the SQLite file); on 0
/// no text stored holds a character the table reader refuses (no U+FFFD from a wrong decoding, no NUL, no bidi).
/// </summary>
internal sealed class ImportFuzzing : IDisposable
{
    public const string RegistryCsv = "code,name,short,tags,channel,url,account\n440399,前海深港合作区,前海,pilot,website,https://qh.sz.gov.cn/,\n,外交部,,,weibo,,外交小灵通\n";

    public const string InputsCsv = "单位,指标,值,佐证,评估人\n北京市,data.agency,是,\"京政办发〔2020〕1号\n附件\",张三\n河北省,data.agency,否,,李四\n";

    private readonly CliWorkspace workspace;
    private readonly string[] command;
    private string stored = "";
    private int files;

    private ImportFuzzing(CliWorkspace workspace, string[] command)
    {
        this.workspace = workspace;
        this.command = command;
    }

    static ImportFuzzing()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public int Exit0 { get; private set; }

    public int Exit2 { get; private set; }

    /// <summary><c>registry import FILE</c> on a store that already holds one import.</summary>
    public static async Task<ImportFuzzing> RegistryAsync()
    {
        var fuzzing = new ImportFuzzing(new CliWorkspace(), ["registry", "import"]);
        await fuzzing.SeedAsync(Encoding.UTF8.GetBytes("code,name\n440398,种子区\n"), ".csv");
        return fuzzing;
    }

    /// <summary><c>inputs import --run RUN FILE</c> on a run that already holds one import.</summary>
    public static async Task<ImportFuzzing> InputsAsync()
    {
        var workspace = new CliWorkspace();
        var run = (await workspace.RunOkAsync(
            "runs", "create", "--name", "fuzz", "--framework", "digital-gov-capability-2020", "--now", "2020-12-31", "--cohort", "provincial")).Out.Trim();
        var fuzzing = new ImportFuzzing(workspace, ["inputs", "import", "--run", run]);
        await fuzzing.SeedAsync(Encoding.UTF8.GetBytes("unit,indicator,value\n北京市,data.agency,否\n"), ".csv");
        return fuzzing;
    }

    public void Dispose() => workspace.Dispose();

    /// <summary>The first value of a query on the store, e.g. an imported unit's name.</summary>
    public string? Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={workspace.Db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        return query.ExecuteScalar() as string;
    }

    /// <summary>Imports the bytes as a file with this extension and checks the outcome; returns the exit code.</summary>
    public async Task<int> ImportAsync(byte[] content, string extension)
    {
        // A fresh name each time: the message and the stored source name the file.
        var path = Path.Combine(workspace.Folder, $"fuzz{files++}{extension}");
        await File.WriteAllBytesAsync(path, content);
        var result = await workspace.RunAsync([.. command, path]);
        File.Delete(path);
        Assert.True(result.Code is 0 or 2, $"exit {result.Code} on {Convert.ToBase64String(content)}{extension}: {result.Error}");
        var now = Dump(out var texts);
        if (result.Code == 2)
        {
            Exit2++;
            Assert.DoesNotContain("internal error", result.Error);
            Assert.True(stored == now, $"exit 2 changed the store: {result.Error}");
        }
        else
        {
            Exit0++;
            foreach (var text in texts)
            {
                Assert.True(CellCharacters.FirstRefused(text) is null, $"stored text holds a refused character: {JsonSerializer.Serialize(text)}");
            }

            stored = now;
        }

        return result.Code;
    }

    private async Task SeedAsync(byte[] content, string extension)
    {
        stored = Dump(out _);
        Assert.True(await ImportAsync(content, extension) == 0, "the seed import failed");
    }

    /// <summary>Every row of every table of the store but EF's own, as text; and the text values on their own.</summary>
    private string Dump(out List<string> texts)
    {
        texts = [];
        if (!File.Exists(workspace.Db))
        {
            return "";
        }

        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={workspace.Db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '__EF%' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = select.ExecuteReader();
            dump.Append(table).Append('\n');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    if (value is string text)
                    {
                        texts.Add(text);
                    }

                    dump.Append(JsonSerializer.Serialize(value)).Append('\t');
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

    /// <summary>CsCheck's options for one fuzz test: single-threaded (one store), bounded by time.</summary>
    public static async Task SampleAsync<T>(Gen<T> gen, Func<T, Task> check, int seconds, Func<T, string> print) =>
        await gen.SampleAsync(check, time: seconds, threads: 1, print: print);

    /// <summary>The encodings a person's editor might save a table in: the readable ones and some that are not.</summary>
    public static readonly (string Name, Func<string, byte[]> Encode, bool Readable)[] Encodings =
    [
        ("utf-8", s => Encoding.UTF8.GetBytes(s), true),
        ("utf-8 bom", s => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(s)], true),
        ("utf-16le bom", s => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(s)], true),
        ("utf-16be bom", s => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(s)], true),
        ("utf-32le bom", s => [0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(s)], true),
        ("gbk", s => Encoding.GetEncoding(936).GetBytes(s), true),
        ("gb18030", s => Encoding.GetEncoding(54936).GetBytes(s), true),
        ("gb18030 bom", s => [0x84, 0x31, 0x95, 0x33, .. Encoding.GetEncoding(54936).GetBytes(s)], true),
        ("utf-16le without bom", s => Encoding.Unicode.GetBytes(s), false),
        ("big5", s => Encoding.GetEncoding(950).GetBytes(s), false),
        ("shift_jis", s => Encoding.GetEncoding(932).GetBytes(s), false),
        ("latin-1", s => Encoding.Latin1.GetBytes(s), false),
    ];

    /// <summary>Byte strings that trouble readers: line endings, quotes, separators, NUL, invalid UTF-8, bidi and zero-width characters, marks.</summary>
    public static readonly byte[][] Troublemakers =
    [
        "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), "\""u8.ToArray(), ","u8.ToArray(), "\t"u8.ToArray(), ";"u8.ToArray(),
        [0x00], [0xFF], [0x80], [0xC3], [0xE4, 0xB8], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x84, 0x31, 0x95, 0x33],
        "\u202E"u8.ToArray(), "\u200B"u8.ToArray(), "\u2066"u8.ToArray(), "\uFFFD"u8.ToArray(), "\u0085"u8.ToArray(),
        "北京市"u8.ToArray(), "单位"u8.ToArray(), "code"u8.ToArray(), "unit"u8.ToArray(), "\"\""u8.ToArray(),
    ];

    /// <summary>A byte string with a few of these mutations: flip, insert a troublemaker, delete or repeat a range.</summary>
    public static Gen<byte[]> Mutated(byte[] original) =>
        from steps in Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 6]
        select Mutate(original, steps);

    private static byte[] Mutate(byte[] original, (int Kind, int Where, int Length, byte Value)[] steps)
    {
        var bytes = new List<byte>(original);
        foreach (var (kind, where, length, value) in steps)
        {
            var at = bytes.Count == 0 ? 0 : where % (bytes.Count + 1);
            var span = 1 + (length % 16);
            switch (kind)
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= value == 0 ? (byte)1 : value;
                    break;
                case 1:
                    bytes.InsertRange(at, Troublemakers[length % Troublemakers.Length]);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(span, bytes.Count - at));
                    break;
                case 3 when at < bytes.Count:
                    var slice = bytes.GetRange(at, Math.Min(span, bytes.Count - at));
                    bytes.InsertRange(at, Enumerable.Repeat(slice, 1 + (value % 8)).SelectMany(b => b));
                    break;
            }
        }

        return [.. bytes];
    }
}
