using GovEval.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

/// <summary>
/// The operations the pipeline needs from the database: registry imports, runs, inputs, observations,
/// score sheets and results. Every write that touches several rows runs in one transaction, so a failure
/// leaves what was stored before untouched. Opening applies pending migrations, and only those
/// (<see cref="StoreMigrator"/>).
/// </summary>
public sealed partial class GovEvalStore : IAsyncDisposable
{
    private readonly GovEvalDbContext db;
    private readonly TimeProvider clock;

    private GovEvalStore(GovEvalDbContext db, StoreConnection connection, TimeProvider clock)
    {
        this.db = db;
        this.clock = clock;
        Connection = connection;
    }

    public StoreConnection Connection { get; }

    /// <summary>Opens (creating the SQLite file and its folder when needed) and migrates the store.</summary>
    public static async Task<GovEvalStore> OpenAsync(StoreConnection connection, TimeProvider? clock = null, CancellationToken cancel = default)
    {
        GovEvalDbContext db = connection.Provider switch
        {
            StoreProvider.Sqlite => OpenSqlite(connection),
            StoreProvider.PostgreSql => throw new InputException(
                "--db",
                "PostgreSQL is recognised, but PostgreSQL migrations are a later step of GovEval; use an SQLite file for now (a path or 'Data Source=FILE')"),
            _ => throw new ArgumentOutOfRangeException(nameof(connection)),
        };
        try
        {
            await StoreMigrator.MigrateAsync(db, connection.FilePath, cancel);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        return new GovEvalStore(db, connection, clock ?? TimeProvider.System);
    }

    /// <summary>The migrations applied to this store, oldest first (what a fresh file gets on open).</summary>
    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync(CancellationToken cancel = default) =>
        (await db.Database.GetAppliedMigrationsAsync(cancel)).ToList();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private static SqliteGovEvalDbContext OpenSqlite(StoreConnection connection)
    {
        if (connection.FilePath is { } path && Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteGovEvalDbContext(SqliteGovEvalDbContext.Options(connection.ConnectionString));
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none.</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        try
        {
            var result = await work();
            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
