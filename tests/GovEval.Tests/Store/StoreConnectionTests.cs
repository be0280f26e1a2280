using GovEval.Core.Errors;
using GovEval.Store;

namespace GovEval.Tests.Store;

public sealed class StoreConnectionTests
{
    [Fact]
    public void The_option_wins_over_the_environment_and_the_default_is_a_file_under_goveval_data()
    {
        Assert.Equal(Path.GetFullPath("a.db"), StoreConnection.Resolve("a.db", "b.db").FilePath);
        Assert.Equal(Path.GetFullPath("b.db"), StoreConnection.Resolve(null, "b.db").FilePath);
        Assert.Equal(Path.GetFullPath("b.db"), StoreConnection.Resolve("  ", "b.db").FilePath);
        var fallback = StoreConnection.Resolve(null, null);
        Assert.Equal(StoreProvider.Sqlite, fallback.Provider);
        Assert.Equal(Path.GetFullPath(Path.Combine("goveval-data", "goveval.db")), fallback.FilePath);
    }

    [Fact]
    public void Sqlite_connection_strings_keep_their_options_with_an_absolute_file()
    {
        var connection = StoreConnection.Parse("Data Source=runs/x.db;Cache=Shared");

        Assert.Equal(StoreProvider.Sqlite, connection.Provider);
        Assert.Equal(Path.GetFullPath("runs/x.db"), connection.FilePath);
        Assert.Contains("Cache=Shared", connection.ConnectionString);
        Assert.Contains(Path.GetFullPath("runs/x.db"), connection.ConnectionString);
    }

    [Theory]
    [InlineData("Host=db.example;Database=goveval;Username=g")]
    [InlineData("postgres://g@db.example/goveval")]
    [InlineData("postgresql://g@db.example/goveval")]
    public async Task PostgreSql_is_recognised_and_refused_until_its_migrations_exist(string text)
    {
        var connection = StoreConnection.Parse(text);
        Assert.Equal(StoreProvider.PostgreSql, connection.Provider);
        Assert.Null(connection.FilePath);

        var error = await Assert.ThrowsAsync<InputException>(() => GovEvalStore.OpenAsync(connection));

        Assert.Equal("--db", error.Location);
        Assert.Contains("PostgreSQL migrations are a later step", error.Message);
    }

    [Fact]
    public void A_connection_string_without_a_file_is_refused_naming_where_it_came_from()
    {
        var error = Assert.Throws<InputException>(() => StoreConnection.Resolve(null, "Cache=Shared"));

        Assert.Equal(StoreConnection.EnvironmentVariable, error.Location);
    }
}
