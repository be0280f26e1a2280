using System.CommandLine;
using System.Globalization;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Cli.Commands;

/// <summary><c>goveval frameworks list|validate|show</c>: indicator frameworks as data.</summary>
public sealed class FrameworksCommands : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var frameworks = new Command("frameworks", "Indicator frameworks (frameworks/*.yaml): list, validate and show them.");
        frameworks.Subcommands.Add(List(context));
        frameworks.Subcommands.Add(Validate(context));
        frameworks.Subcommands.Add(Show(context));
        yield return frameworks;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the shipped frameworks.");
        command.SetAction(async (_, _) =>
        {
            foreach (var id in FrameworkCatalog.Ids)
            {
                var f = FrameworkCatalog.Get(id);
                await context.Out.WriteLineAsync($"{f.Id}\t{f.Version}\t{f.Name}\tmax {Format(f.Max)}");
            }

            return CommandLine.Ok;
        });
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Framework YAML files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check framework files against the schema and the rules of scoring; prints every problem with file:line:column.") { files };
        command.SetAction(async (parse, _) =>
        {
            var failed = false;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    var framework = FrameworkLoader.LoadFile(file.FullName);
                    await context.Out.WriteLineAsync($"{file.Name}: ok ({framework.Id} {framework.Version}, {framework.Indicators().Count(i => i.IsLeaf)} leaves, max {Format(framework.Max)})");
                }
                catch (InputException e)
                {
                    failed = true;
                    foreach (var problem in e.Problems.Count > 0 ? e.Problems : [e])
                    {
                        await context.Error.WriteLineAsync(problem.Message);
                    }
                }
            }

            return failed ? CommandLine.BadInput : CommandLine.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "A shipped framework id, or a path to a .yaml file" };
        var command = new Command("show", "Print a framework's indicator tree with points, rules and conditions.") { id };
        command.SetAction(async (parse, _) =>
        {
            var framework = FrameworkCatalog.Get(parse.GetValue(id)!);
            await context.Out.WriteLineAsync($"{framework.Name}  [{framework.Id} {framework.Version}]");
            if (framework.Basis is { } basis)
            {
                await context.Out.WriteLineAsync($"依据：{basis}");
            }

            await context.Out.WriteLineAsync($"满分 {Format(framework.Max)}，总分保留 {framework.Precision} 位小数");
            await context.Out.WriteLineAsync(framework.Stability is { } stability
                ? $"排名稳定性：各级权重±{Format(stability.Spread * 100)}%扰动{stability.Samples}次（种子{stability.Seed}），发布{stability.Low}%–{stability.High}%区间"
                : "排名稳定性：未设定（release.stability），发布时不给出排名区间");
            if (framework.Indicators().Any(i => !i.Confirmed))
            {
                await context.Out.WriteLineAsync("(default) marks numbers not confirmed against the published original (RULES.md); adjust them in the YAML file, never in code.");
            }
            if (framework.Grades.Count > 0)
            {
                await context.Out.WriteLineAsync("等级：" + string.Join("，", framework.Grades.Select(g => g.Min is { } min ? $"{g.Label} ≥ {Format(min)}" : g.Label))
                    + (framework.VetoGrade is { } v ? $"；单项否决 → {v}" : ""));
            }

            if (framework.VerdictNeeds.Count > 0)
            {
                await context.Out.WriteLineAsync("评定条件（缺少任一项则为未评估，不定等级、不参与排名；触发单项否决即可判定）：");
                foreach (var need in framework.VerdictNeeds)
                {
                    var coverage = need.Coverage == NeedCoverage.All ? "所有适用的叶指标均已测量或录入" : "各至少有一项已测量或录入";
                    await context.Out.WriteLineAsync($"  {need.Name}：{string.Join(", ", need.Indicators)} {coverage}");
                }
            }

            foreach (var indicator in framework.Root.Children)
            {
                await Print(context.Out, indicator, 0);
            }

            await PrintChecks(context.Out, framework);
            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>The checks block: every number the website checks judge with, what it means and the rules that read it.</summary>
    private static async Task PrintChecks(TextWriter output, Framework framework)
    {
        if (framework.Checks is not { } parameters)
        {
            await output.WriteLineAsync("检查参数：无（本框架不对网站检查结果计分，不能用于 check、collect、monitor）");
            return;
        }

        await output.WriteLineAsync("检查参数（网站检查规则中的数字，检查程序只从这里读取；checks 块）：");
        foreach (var parameter in CheckParameterCatalogue.All)
        {
            await output.WriteLineAsync($"  {parameter.Key} = {parameter.Shown(parameters)}  {parameter.Meaning}  [{string.Join(", ", parameter.Rules)}]");
        }
    }

    private static async Task Print(TextWriter output, Indicator indicator, int depth)
    {
        var details = new List<string> { indicator.Rule.ToString().ToLowerInvariant() };
        if (indicator.Findings.Count > 0)
        {
            details.Add("findings: " + string.Join(", ", indicator.Findings));
        }

        details.AddRange(indicator.Deductions.Select(d => $"−{Format(d.Each)} per {(d.Finding ?? d.Measurement)}{(d.Per is { } p ? $" / {Format(p)}" : "")}"));
        if (indicator.Measurement is { } m)
        {
            details.Add($"measurement: {m} ({indicator.Curve!.Kind.ToString().ToLowerInvariant()})");
        }

        if (indicator.Options is { } options)
        {
            details.Add("options: " + string.Join(" / ", options.Select(o => $"{o.Key}={Format(o.Value)}")));
        }

        if (indicator.AppliesWhen is { } when)
        {
            details.Add($"applies when {when}");
        }

        if (indicator.Gate is { } gate)
        {
            details.Add($"only when {gate.Indicator} > {Format(gate.Above)}");
        }

        if (indicator.Redistribute == Redistribution.Even)
        {
            details.Add("points of children that do not apply go to the others in equal shares");
        }

        var points = indicator.Rule == RuleKind.Veto ? "否决" : $"{Format(indicator.Points)}分{(indicator.Confirmed ? "" : " (default)")}";
        await output.WriteLineAsync($"{new string(' ', depth * 2)}{indicator.Id}  {indicator.Name}  {points}  [{string.Join("; ", details)}]");
        foreach (var child in indicator.Children)
        {
            await Print(output, child, depth + 1);
        }
    }

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
