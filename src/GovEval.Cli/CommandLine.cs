using System.CommandLine;
using GovEval.Cli.Commands;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Cli;

/// <summary>
/// The goveval command. Exit codes are a contract (DESIGN.md): 0 ran, 2 bad input (the message names
/// the file and line, row and column, or the argument), 1 an internal error.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;

    /// <summary>
    /// Runs one command. <paramref name="cancel"/> stops it (the process passes its <see cref="TerminationSignals"/>;
    /// tests running the command in-process pass their own, or none).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("GovEval: assess government websites and digital-government services the way the national rules and the annual assessment do.");
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        var context = new CliContext(globals, stdout, stderr);
        foreach (var command in new CommandGroup[]
                 {
                     new RegistryCommands(),
                     new FrameworksCommands(),
                     new RunsCommands(),
                     new InputsCommands(),
                     new ScoreCommand(),
                     new PublishCommand(),
                     new DemoCommand(),
                     new SandboxCommand(),
                     new CheckCommand(),
                     new CollectCommand(),
                     new MonitorCommand(),
                     new RecheckCommand(),
                     new FindingsCommand(),
                 })
        {
            foreach (var built in command.Build(context))
            {
                root.Subcommands.Add(built);
            }
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"goveval: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'goveval --help' (or the command with --help) for usage.");
            return BadInput;
        }

        try
        {
            // Set once for the whole command: every verb reads framework files through the catalogue.
            FrameworkLimits.Use(globals.FrameworkLimitsOf(parse));
            // ProcessTerminationTimeout null: no handler of System.CommandLine's own (see TerminationSignals).
            var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, cancel);
        }
        catch (InputException e)
        {
            await ReportAsync(stderr, e);
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("goveval: cancelled");
            return InternalError;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"goveval: internal error: {e}");
            return InternalError;
        }
    }

    // A file with hundreds of bad rows usually has one cause; the first problems show it without burying it.
    private const int ProblemsShown = 20;

    private static async Task ReportAsync(TextWriter stderr, InputException error)
    {
        var problems = error.Problems.Count > 0 ? error.Problems : [error];
        foreach (var problem in problems.Take(ProblemsShown))
        {
            await stderr.WriteLineAsync($"goveval: {problem.Message}");
        }

        if (problems.Count > ProblemsShown)
        {
            await stderr.WriteLineAsync($"goveval: … and {problems.Count - ProblemsShown} more problems ({problems.Count} in all); nothing was stored");
        }
    }
}
