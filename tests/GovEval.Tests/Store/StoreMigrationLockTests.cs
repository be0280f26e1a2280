using GovEval.Store;
using Microsoft.Data.Sqlite;

namespace GovEval.Tests.Store;

/// <summary>
/// A command killed while it opens the store leaves EF Core's migration lock row behind (issue 19, row 1). Every
/// later open must still work: the timeouts only turn the hang these tests guard against into a failure.
/// </summary>
public sealed class StoreMigrationLockTests : IAsyncLifetime
{
    private readonly StoreWorkspace workspace = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await workspace.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task An_up_to_date_store_opens_without_touching_a_lock_a_killed_process_left()
    {
        await (await workspace.OpenAsync()).DisposeAsync();
        File.Delete(workspace.Db + "-migrate.lock");
        Execute("CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)",
            "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-12-07 10:00:00+00:00')");

        await using var store = await workspace.OpenAsync();

        Assert.Empty(await store.RunsAsync());
        // Nothing was pending, so nothing was locked or cleared: a read-only open writes nothing.
        Assert.Equal(1L, Scalar("SELECT count(*) FROM \"__EFMigrationsLock\""));
        Assert.False(File.Exists(workspace.Db + "-migrate.lock"));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_store_killed_in_its_first_migration_is_migrated_on_the_next_open()
    {
        // What a kill -9 in the first second of the first command leaves: the lock row, no migration applied.
        Directory.CreateDirectory(Path.GetDirectoryName(workspace.Db)!);
        Execute("CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL)",
            "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-12-07 10:00:00+00:00')");

        await using var store = await workspace.OpenAsync();

        Assert.NotEmpty(await store.AppliedMigrationsAsync());
        Assert.Equal(0L, Scalar("SELECT count(*) FROM \"__EFMigrationsLock\""));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_migration_lock_is_released_when_the_store_is_open()
    {
        await using var first = await workspace.OpenAsync();

        // Another process (here a second handle) can take the OS lock at once: nobody still holds it.
        await using var probe = new FileStream(workspace.Db + "-migrate.lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(probe.CanWrite);
    }

    private void Execute(params string[] statements)
    {
        using var connection = new SqliteConnection($"Data Source={workspace.Db};Pooling=False");
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={workspace.Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
