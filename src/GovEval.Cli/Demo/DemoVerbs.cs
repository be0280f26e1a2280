using GovEval.Core.Errors;
using Spectre.Console;

namespace GovEval.Cli.Demo;

/// <summary>
/// Runs goveval verbs in-process against the demo's store, printing each as the command a user would type and its
/// output indented under it, so the demo doubles as a walkthrough of the command line.
/// </summary>
public sealed class DemoVerbs(IAnsiConsole console, string db)
{
    public async Task<string> RunAsync(CancellationToken cancel, params string[] args)
    {
        cancel.ThrowIfCancellationRequested();
        console.MarkupLineInterpolated($"[blue]$ goveval {string.Join(" ", args.Select(Quote))}[/]");
        using var output = new EchoWriter(console);
        using var error = new EchoWriter(console);
        var code = await CommandLine.RunAsync([.. args, "--db", db], output, error);
        output.Flush();
        error.Flush();
        return code == CommandLine.Ok
            ? output.ToString()
            : throw new InvalidOperationException($"demo step 'goveval {string.Join(" ", args)}' failed with exit code {code}: {error.ToString().Trim()}");
    }

    /// <summary>A verb whose first output line is an id (runs create).</summary>
    public async Task<string> RunIdAsync(CancellationToken cancel, params string[] args) =>
        (await RunAsync(cancel, args)).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();

    /// <summary>Keeps what a verb writes and shows each line as it comes: a long collection shows its progress live.</summary>
    private sealed class EchoWriter(IAnsiConsole console) : TextWriter
    {
        private readonly System.Text.StringBuilder all = new();
        private readonly System.Text.StringBuilder line = new();
        private int shown;
        private int hidden;

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (all)
            {
                all.Append(value);
                if (value == '\n')
                {
                    Show();
                }
                else if (value != '\r')
                {
                    line.Append(value);
                }
            }
        }

        public override void Flush()
        {
            lock (all)
            {
                if (line.Length > 0)
                {
                    Show();
                }

                if (hidden > 0)
                {
                    console.MarkupLineInterpolated($"  [grey]… and {hidden} more lines[/]");
                    hidden = 0;
                }
            }
        }

        public override string ToString()
        {
            lock (all)
            {
                return all.ToString();
            }
        }

        // A publish lists hundreds of files; the first lines say where they went.
        private void Show()
        {
            if (shown++ < MaxLines)
            {
                console.MarkupLineInterpolated($"  [grey]{line.ToString().TrimEnd()}[/]");
            }
            else
            {
                hidden++;
            }

            line.Clear();
        }

        private const int MaxLines = 200;
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '（' or '）') ? arg : $"\"{arg}\"";
}
