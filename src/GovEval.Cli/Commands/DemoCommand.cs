using System.CommandLine;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval demo</c>: the whole assessment on the simulated government web. Until the simulated web and the
/// collection engine are part of this build, it says so and shows the path that works today.
/// </summary>
public sealed class DemoCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's release", DefaultValueFactory = _ => "goveval-demo" };
        var command = new Command("demo", "Run a whole assessment round on the simulated government web and publish its release (embedded database, no network).") { output };
        command.SetAction(async (_, _) =>
        {
            await context.Out.WriteLineAsync(
                """
                The demo needs the simulated government web and the collection engine, which are not part of this build yet.
                What works today, offline:
                  goveval registry list --cohort provincial
                  goveval frameworks show gov-website-check-2019
                  goveval runs create --name 2020 --framework digital-gov-capability-2020 --cohort provincial --cohort key-city
                  goveval inputs import --run RUN inputs.csv      (unit,indicator,value,evidence,assessor)
                  goveval score --run RUN
                  goveval publish --run RUN --out release
                  goveval publish --scores totals.csv --framework gov-website-performance-2020 --year 2020 --cohort province --out release
                """);
            return CommandLine.Ok;
        });
        yield return command;
    }
}
