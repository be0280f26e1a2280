using System.CommandLine;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Tables;
using GovEval.Store;
using GovEval.Store.Imports;
using GovEval.Publish.Templates;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval inputs import</c>: expert values of a run. Indicators and values are checked against the run's
/// framework; <paramref name="validatorFor"/> replaces that check (null from it: units and empty cells only).
/// </summary>
public sealed class InputsCommands(Func<AssessmentRun, IInputValidator?>? validatorFor = null) : CommandGroup
{
    private readonly Func<AssessmentRun, IInputValidator?> validatorFor =
        validatorFor ?? (run => new FrameworkInputValidator(FrameworkCatalog.Get(run.FrameworkId)));

    public override IEnumerable<Command> Build(CliContext context)
    {
        var inputs = new Command("inputs", "Expert inputs of a run (values people entered for indicators, with evidence).");
        inputs.Subcommands.Add(Import(context));
        inputs.Subcommands.Add(Template(context));
        yield return inputs;
    }

    private Command Import(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "Run id (or its unique name)", Required = true };
        var file = new Argument<string>("FILE") { Description = "CSV or XLSX: unit (code, full or short name), indicator, value, evidence, assessor (单位, 指标, 值, 佐证, 评估人)" };
        var command = new Command(
            "import",
            "Import expert values into a run. Every row is checked first: a file with any bad row stores nothing. " +
            "A value already stored for the same unit and indicator is replaced.")
        {
            run, file,
        };
        var limits = new TableLimitOptions();
        limits.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var tableLimits = limits.Limits(parse);
            await using var store = await context.OpenExistingStoreAsync(parse, cancel);
            var target = await store.RunAsync(parse.GetValue(run)!, "--run", cancel);
            var registry = await store.RegistryForRunAsync(target, cancel);
            var table = TableReader.Read(parse.GetValue(file)!, tableLimits);
            var inputs = InputsImportReader.Read(table, registry, target.Cohorts, validatorFor(target));
            var summary = await store.ImportInputsAsync(target.Id, inputs, cancel);
            await context.Out.WriteLineAsync(
                $"run {target.Id}: {inputs.Count} inputs for {inputs.Select(i => i.UnitCode).Distinct().Count()} units " +
                $"({summary.Added} added, {summary.Replaced} replaced)");
            return CommandLine.Ok;
        });
        return command;
    }

    private static Command Template(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "Run id (or its unique name)", Required = true };
        var output = new Option<string>("--out") { Description = "The workbook to write (.xlsx)", Required = true };
        var command = new Command(
            "template",
            "Write the workbook experts fill in: a row per unit and input indicator of the run's framework, with the allowed values " +
            "as drop-downs and the values already entered; 'inputs import' reads it back.")
        {
            run, output,
        };
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(output) is { } given && !given.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException("--out", "the template is a workbook: give a file name ending in .xlsx");
            }

            var path = OutputPaths.FileToWrite(parse.GetValue(output), "--out");

            await using var store = await context.OpenExistingStoreAsync(parse, cancel);
            var target = await store.RunAsync(parse.GetValue(run)!, "--run", cancel);
            var framework = FrameworkCatalog.Get(target.FrameworkId);
            var registry = await store.RegistryForRunAsync(target, cancel);
            var units = target.Cohorts.SelectMany(c => registry.Members(registry.Cohort(c))).DistinctBy(u => u.Code).ToList();
            var existing = await store.InputsAsync(target.Id, cancel);
            var staging = path + ".partial";
            InputsTemplateWorkbook.Write(staging, framework, units, existing);
            File.Move(staging, path, overwrite: true);
            await context.Out.WriteLineAsync($"wrote {path}: {units.Count} units × {framework.Indicators().Count(i => i.IsLeaf && GovEval.Core.Scoring.InputRules.AcceptsInput(i))} input indicators of {framework.Id}");
            return CommandLine.Ok;
        });
        return command;
    }
}
