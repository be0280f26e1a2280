using Microsoft.EntityFrameworkCore.Design;

namespace GovEval.Store;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --context SqliteGovEvalDbContext --output-dir Migrations/Sqlite</c>
/// build the model without the CLI; the file named here is only used by <c>dotnet ef database update</c>.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGovEvalDbContext>
{
    public SqliteGovEvalDbContext CreateDbContext(string[] args) =>
        new(SqliteGovEvalDbContext.Options(StoreConnection.Parse(args.FirstOrDefault() ?? StoreConnection.DefaultPath).ConnectionString));
}
