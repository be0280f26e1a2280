using GovEval.Core.Errors;
using Microsoft.Data.Sqlite;

namespace GovEval.Store;

/// <summary>
/// Where the store lives, resolved from <c>--db</c>, else <c>GOVEVAL_DB</c>, else an SQLite file under
/// <c>./goveval-data/</c>. A plain path or <c>Data Source=…</c> selects SQLite; <c>Host=…</c> or a
/// <c>postgres://</c> URI selects PostgreSQL.
/// </summary>
public sealed record StoreConnection(StoreProvider Provider, string ConnectionString, string? FilePath)
{
    public const string EnvironmentVariable = "GOVEVAL_DB";

    /// <summary>The default SQLite file, relative to the working directory.</summary>
    public static readonly string DefaultPath = Path.Combine("goveval-data", "goveval.db");

    /// <summary>
    /// Resolves the connection the way every command does. <paramref name="option"/> is the <c>--db</c>
    /// value, <paramref name="environment"/> the value of <c>GOVEVAL_DB</c>; empty values count as absent.
    /// </summary>
    public static StoreConnection Resolve(string? option, string? environment)
    {
        var (text, origin) = !string.IsNullOrWhiteSpace(option) ? (option.Trim(), "--db")
            : !string.IsNullOrWhiteSpace(environment) ? (environment.Trim(), EnvironmentVariable)
            : (DefaultPath, "--db");
        return Parse(text, origin);
    }

    /// <summary>Reads one connection text; <paramref name="origin"/> names where it came from for error messages.</summary>
    public static StoreConnection Parse(string text, string origin = "--db")
    {
        if (text.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreConnection(StoreProvider.PostgreSql, text, null);
        }

        if (!text.Contains('='))
        {
            return Sqlite(text, new SqliteConnectionStringBuilder());
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            throw new InputException(origin, $"not an SQLite connection string ('Data Source=FILE') nor a PostgreSQL one ('Host=…'): {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new InputException(origin, "the SQLite connection string names no file: use 'Data Source=FILE' or a plain file path");
        }

        return Sqlite(builder.DataSource, builder);
    }

    /// <summary>True when opening would find existing data rather than create an empty store.</summary>
    public bool Exists => Provider != StoreProvider.Sqlite || FilePath is null || File.Exists(FilePath);

    /// <summary>What to show a person: the file for SQLite, the server kind otherwise (never a password).</summary>
    public string Description => FilePath ?? (Provider == StoreProvider.PostgreSql ? "PostgreSQL server" : ConnectionString);

    private static StoreConnection Sqlite(string path, SqliteConnectionStringBuilder builder)
    {
        if (path == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            builder.DataSource = path;
            return new StoreConnection(StoreProvider.Sqlite, builder.ConnectionString, null);
        }

        var full = Path.GetFullPath(path);
        builder.DataSource = full;
        return new StoreConnection(StoreProvider.Sqlite, builder.ConnectionString, full);
    }
}
