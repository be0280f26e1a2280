using System.Text;
using GovEval.Cli;
using Microsoft.Data.Sqlite;

namespace GovEval.Tests.Cli;

/// <summary>A temporary folder with an SQLite store in it, and the goveval command run in-process against it.</summary>
public sealed class CliWorkspace : IDisposable
{
    public CliWorkspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), "goveval-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Db = Path.Combine(Folder, "data", "goveval.db");
    }

    public string Folder { get; }

    public string Db { get; }

    /// <summary>Runs goveval with <c>--db</c> pointing at this workspace's store.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync([.. args, "--db", Db], stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs goveval and fails the test unless it exits 0.</summary>
    public async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.Code == 0, $"goveval {string.Join(' ', args)} exited {result.Code}: {result.Error}");
        return result;
    }

    /// <summary>The clone's root (where GovEval.slnx is), for files a test reads from the tree: frameworks, data/demo.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovEval.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GovEval.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A count read from the store while another process (a goveval child a test is about to kill) writes to it:
    /// 0 when there is no store yet or the writer holds its lock for an instant; the caller polls again.
    /// </summary>
    public long CountWhileWriting(string sql, params (string Name, object Value)[] parameters)
    {
        if (!File.Exists(Db))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is removed with the rest of the temp folder later.
        }
    }
}

public sealed record CliResult(int Code, string Out, string Error);
