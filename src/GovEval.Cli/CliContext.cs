using System.CommandLine;

namespace GovEval.Cli;

/// <summary>Options every verb accepts.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Store: an SQLite file path or 'Data Source=…' ('Host=…' selects PostgreSQL, not yet migrated); default: $GOVEVAL_DB, else ./goveval-data/goveval.db",
        Recursive = true,
    };
}

/// <summary>What a command needs from its surroundings: where to write and the global options.</summary>
public sealed record CliContext(GlobalOptions Globals, TextWriter Out, TextWriter Error);

/// <summary>A verb or a group of verbs of the goveval command.</summary>
public abstract class CommandGroup
{
    public abstract IEnumerable<Command> Build(CliContext context);
}
