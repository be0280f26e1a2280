using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

/// <summary>The store on an embedded SQLite file; its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteGovEvalDbContext(DbContextOptions<SqliteGovEvalDbContext> options) : GovEvalDbContext(options)
{
    public static DbContextOptions<SqliteGovEvalDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<SqliteGovEvalDbContext>().UseSqlite(connectionString).Options;
}
