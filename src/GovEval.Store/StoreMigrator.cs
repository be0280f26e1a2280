using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

/// <summary>
/// Brings a store's schema up to date without ever leaving it unusable. EF Core's migrator guards itself with a
/// row in <c>__EFMigrationsLock</c>; a process killed while holding it leaves the row behind, and every later
/// migrator waits for it forever. So: a store with nothing pending is never locked at all (read-only commands
/// stay read-only), and a store that needs migrating is first locked with an operating-system lock on a file
/// beside it, which the kernel releases when its holder dies, kill -9 included. Every GovEval migrator takes that
/// lock first, so whoever holds it knows a row in <c>__EFMigrationsLock</c> belongs to a dead process and clears it.
/// </summary>
internal static class StoreMigrator
{
    /// <summary>The lock table of EF Core's SQLite migrator (Microsoft.EntityFrameworkCore.Sqlite 9 and later).</summary>
    internal const string EfLockTable = "__EFMigrationsLock";

    /// <summary>How often a waiting process tries the lock again while another one migrates the same store.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The file whose OS lock serialises migrations of the SQLite store at <paramref name="databasePath"/>.</summary>
    internal static string LockPath(string databasePath) => databasePath + "-migrate.lock";

    public static async Task MigrateAsync(GovEvalDbContext db, string? databasePath, CancellationToken cancel)
    {
        if (!(await db.Database.GetPendingMigrationsAsync(cancel)).Any())
        {
            return;
        }

        if (databasePath is null)
        {
            // An in-memory store belongs to this process alone.
            await db.Database.MigrateAsync(cancel);
            return;
        }

        await using var held = await AcquireAsync(LockPath(databasePath), cancel);
        await ClearStaleEfLockAsync(db, cancel);
        await db.Database.MigrateAsync(cancel);
    }

    /// <summary>Waits while another process migrates; it holds the lock only for the milliseconds that takes.</summary>
    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancel)
    {
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix and a sharing lock on Windows;
                // both die with the process that holds them.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                await Task.Delay(RetryInterval, cancel);
            }
        }
    }

    /// <summary>Removes the EF lock row that a killed migrator left; only called while holding the OS lock.</summary>
    private static async Task ClearStaleEfLockAsync(GovEvalDbContext db, CancellationToken cancel)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancel);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{EfLockTable}'";
            if ((long)(await command.ExecuteScalarAsync(cancel))! == 0)
            {
                return;
            }

            command.CommandText = $"DELETE FROM \"{EfLockTable}\"";
            await command.ExecuteNonQueryAsync(cancel);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
