using System.CommandLine;
using GovEval.Cli.Demo;
using GovEval.Core.Errors;
using Spectre.Console;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval demo</c>: the whole assessment on the simulated government web — registry, monitoring, collection,
/// expert inputs, scores, release — in a few minutes, offline, with an embedded store under the output folder.
/// </summary>
public sealed class DemoCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's store, inputs, simulated-web truth and release", DefaultValueFactory = _ => "goveval-demo" };
        var maxPages = new Option<int>("--max-pages") { Description = "Pages crawled per site", DefaultValueFactory = _ => 200 };
        var sites = new Option<int?>("--sites") { Description = "Assess about this many of the 487 sample websites (every cohort keeps members), for a quicker run" };
        var command = new Command("demo", "Run a whole assessment round on the simulated government web and publish its release (embedded database, no network).") { output, maxPages, sites };
        command.SetAction(async (parse, cancel) =>
        {
            var pages = parse.GetValue(maxPages);
            if (pages < 1)
            {
                throw new InputException("--max-pages", $"must be at least 1, got {pages}");
            }

            if (parse.GetValue(sites) is < 1)
            {
                throw new InputException("--sites", $"must be at least 1, got {parse.GetValue(sites)}");
            }

            var console = CheckCommand.Console(context);
            var result = await new DemoRound(console, new DemoSettings { Folder = OutputPaths.CreateFolder(parse.GetValue(output), "--out"), MaxPages = pages, Sites = parse.GetValue(sites) }).RunAsync(cancel);
            console.Write(new Rule("[bold green]Done[/]") { Justification = Justify.Left });
            console.MarkupLineInterpolated($"finished in {result.Elapsed.TotalMinutes:0.0} min. Open the release: [link]{Path.Combine(result.Release, "index.html")}[/]");
            foreach (var (name, run) in result.Runs)
            {
                console.MarkupLineInterpolated($"  {name,-16} run {run}");
            }

            console.MarkupLineInterpolated($"store: {result.Store} (try: goveval --db {result.Store} runs list)");
            console.MarkupLineInterpolated($"inputs the experts entered: {Path.Combine(result.Folder, "inputs")}; the simulated web's ground truth: {Path.Combine(result.Folder, "sandbox", "truth.json")}");
            return CommandLine.Ok;
        });
        yield return command;
    }
}
