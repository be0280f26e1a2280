using GovEval.Cli;
using GovEval.Store;

namespace GovEval.Tests.Cli;

public sealed class StoreLocationCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Without_db_the_environment_variable_names_the_store()
    {
        // Every other CLI test passes --db, which wins over the variable, so setting it here disturbs none of them.
        var db = Path.Combine(workspace.Folder, "env", "from-env.db");
        Environment.SetEnvironmentVariable(StoreConnection.EnvironmentVariable, $"Data Source={db}");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await CommandLine.RunAsync(["runs", "create", "--name", "env", "--framework", "gov-website-check-2019", "--cohort", "county", "--now", "2020-12-31"], stdout, stderr);

            Assert.Equal(0, code);
            Assert.True(File.Exists(db));
            await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(db));
            Assert.Equal(stdout.ToString().Trim(), Assert.Single(await store.RunsAsync()).Id);
        }
        finally
        {
            Environment.SetEnvironmentVariable(StoreConnection.EnvironmentVariable, null);
        }
    }

    [Fact]
    public async Task A_postgresql_connection_is_refused_with_exit_2_until_its_migrations_exist()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["runs", "list", "--db", "Host=localhost;Database=goveval"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("--db: PostgreSQL is recognised, but PostgreSQL migrations are a later step", stderr.ToString());
    }
}
