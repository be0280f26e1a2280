using System.CommandLine;
using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Store;

namespace GovEval.Cli;

/// <summary>How a command reaches the store: <c>--db</c>, else <c>GOVEVAL_DB</c>, else the default SQLite file.</summary>
public static class StoreAccess
{
    public static StoreConnection Connection(this CliContext context, ParseResult parse) =>
        StoreConnection.Resolve(parse.GetValue(context.Globals.Db), Environment.GetEnvironmentVariable(StoreConnection.EnvironmentVariable));

    public static Task<GovEvalStore> OpenStoreAsync(this CliContext context, ParseResult parse, CancellationToken cancel) =>
        GovEvalStore.OpenAsync(context.Connection(parse), cancel: cancel);

    /// <summary>The store a run lives in; refuses to create an empty one, which could only hide a wrong --db.</summary>
    public static Task<GovEvalStore> OpenExistingStoreAsync(this CliContext context, ParseResult parse, CancellationToken cancel)
    {
        var connection = context.Connection(parse);
        return connection.Exists
            ? GovEvalStore.OpenAsync(connection, cancel: cancel)
            : throw new InputException("--db", $"no store at {connection.Description}: create the run first ('goveval runs create'), or point --db at its store");
    }

    /// <summary>
    /// The registry of a year with what was imported into the store; a store that does not exist yet is not
    /// created just to read it, so listing works without any database.
    /// </summary>
    public static async Task<UnitRegistry> RegistryAsync(this CliContext context, ParseResult parse, int year, CancellationToken cancel)
    {
        var connection = context.Connection(parse);
        if (!connection.Exists)
        {
            return UnitRegistry.ForYear(year);
        }

        await using var store = await GovEvalStore.OpenAsync(connection, cancel: cancel);
        return await store.RegistryAsync(year, cancel);
    }
}
