using System.CommandLine;
using System.Globalization;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Cli;

/// <summary>Options every verb accepts.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "Store: an SQLite file path or 'Data Source=…' ('Host=…' selects PostgreSQL, not yet migrated); default: $GOVEVAL_DB, else ./goveval-data/goveval.db",
        Recursive = true,
    };

    public Option<int> FrameworkMaxDepth { get; } = new(FrameworkLimits.DepthOption)
    {
        Description = $"Refuse framework files nested deeper than this many levels of lists and mappings (default {FrameworkLimits.Default.MaxDepth}, at most {FrameworkLimits.DepthCeiling})",
        Recursive = true,
        DefaultValueFactory = _ => FrameworkLimits.Default.MaxDepth,
    };

    public Option<long> FrameworkMaxSize { get; } = new(FrameworkLimits.SizeOption)
    {
        Description = $"Refuse framework files of more than this many characters (default {FrameworkLimits.Default.MaxCharacters})",
        Recursive = true,
        DefaultValueFactory = _ => FrameworkLimits.Default.MaxCharacters,
    };

    public IEnumerable<Option> All => [Db, FrameworkMaxDepth, FrameworkMaxSize];

    /// <summary>The limits every framework file of this command is read within (a verb's --framework FILE, a run's stored path).</summary>
    public FrameworkLimits FrameworkLimitsOf(ParseResult parse)
    {
        var depth = parse.GetValue(FrameworkMaxDepth);
        if (depth is < 1 or > FrameworkLimits.DepthCeiling)
        {
            throw new InputException(FrameworkLimits.DepthOption, $"must be between 1 and {FrameworkLimits.DepthCeiling.ToString(CultureInfo.InvariantCulture)}, got {depth.ToString(CultureInfo.InvariantCulture)}");
        }

        var size = parse.GetValue(FrameworkMaxSize);
        if (size < 1)
        {
            throw new InputException(FrameworkLimits.SizeOption, $"must be at least 1, got {size.ToString(CultureInfo.InvariantCulture)}");
        }

        return new FrameworkLimits { MaxDepth = depth, MaxCharacters = size };
    }
}

/// <summary>What a command needs from its surroundings: where to write and the global options.</summary>
public sealed record CliContext(GlobalOptions Globals, TextWriter Out, TextWriter Error);

/// <summary>A verb or a group of verbs of the goveval command.</summary>
public abstract class CommandGroup
{
    public abstract IEnumerable<Command> Build(CliContext context);
}
