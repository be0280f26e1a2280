using System.CommandLine;
using System.Text.Json;
using GovEval.Core.Registry;
using GovEval.Core.Tables;
using GovEval.Store.Imports;

namespace GovEval.Cli.Commands;

/// <summary><c>goveval registry list|import|derive</c>: the units, channels and cohorts of a year.</summary>
public sealed class RegistryCommands : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var registry = new Command("registry", "Assessed units (provinces, cities, counties, State Council bodies), their channels and cohorts.");
        registry.Subcommands.Add(List(context));
        registry.Subcommands.Add(Import(context));
        registry.Subcommands.Add(Derive(context));
        yield return registry;
    }

    private static Command List(CliContext context)
    {
        var year = new Option<int>("--year") { Description = "Assessment year (selects the division list and State Council structure)", DefaultValueFactory = _ => 2020 };
        var cohort = new Option<string?>("--cohort") { Description = "Only the members of this cohort, in its official order" };
        var format = new Option<string>("--format") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "List the units of a year (official order), optionally of one cohort.") { year, cohort, format };
        command.SetAction(async (parse, cancel) =>
        {
            var units = await context.RegistryAsync(parse, parse.GetValue(year), cancel);
            var cohortId = parse.GetValue(cohort);
            var listed = cohortId is null ? units.Units : units.Members(units.Cohort(cohortId));
            if (parse.GetValue(format) == "json")
            {
                var payload = listed.Select(u => new
                {
                    code = u.Code,
                    name = u.Name,
                    @short = u.Short,
                    level = UnitsFile.LevelId(u.Level),
                    kind = u.Kind,
                    parent = u.Parent,
                    order = u.Order,
                    tags = u.Tags,
                    channels = units.ChannelsOf(u.Code).Select(c => new { kind = c.Kind.ToId(), c.Name, c.Url, c.Account, c.Portal, c.ExternalServices }),
                });
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(payload, JsonOutput.Options));
            }
            else
            {
                foreach (var u in listed)
                {
                    await context.Out.WriteLineAsync($"{u.Code}\t{u.Name}\t{u.Short}\t{UnitsFile.LevelId(u.Level)}\t{u.Kind}\t{string.Join(',', u.Tags)}");
                }

                await context.Error.WriteLineAsync($"{listed.Count} units (registry {units.Year}, division list {units.Edition})");
            }

            return CommandLine.Ok;
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "CSV, XLSX or JSON: code, name, short, level, kind, parent, tags, channel, url, account, portal, services" };
        var year = new Option<int>("--year") { Description = "Registry year the units and channels are added to", DefaultValueFactory = _ => 2020 };
        var allowInternal = new Option<bool>("--allow-internal-hosts")
        {
            Description = "Accept websites on localhost, one-label host names and loopback, private or link-local addresses (intranet sites); " +
                          "refused by default so that a registry cannot make 'collect' probe internal services",
        };
        var command = new Command(
            "import",
            "Add units and their channels (websites, apps, Weibo, WeChat, data portals) to the registry of a year. " +
            "A row names a new unit by code, or a known unit by code or name to add a channel. Every row is checked first: any bad row stores nothing.")
        {
            file, year, allowInternal,
        };
        var limits = new TableLimitOptions();
        limits.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            // Validate before opening the store for writing, so a bad file does not even create a database.
            var registryYear = parse.GetValue(year);
            var table = TableReader.Read(parse.GetValue(file)!, limits.Limits(parse));
            var import = RegistryImportReader.Read(table, await context.RegistryAsync(parse, registryYear, cancel), parse.GetValue(allowInternal));
            await using var store = await context.OpenStoreAsync(parse, cancel);
            var summary = await store.ImportRegistryAsync(import, cancel);
            await context.Out.WriteLineAsync(
                $"registry {registryYear}: {summary.UnitsAdded} units added, {summary.UnitsUpdated} updated; " +
                $"{summary.ChannelsAdded} channels added, {summary.ChannelsUpdated} updated ({store.Connection.Description})");
            return CommandLine.Ok;
        });
        return command;
    }

    private static Command Derive(CliContext context)
    {
        var sources = new Option<DirectoryInfo>("--sources") { Description = "Folder with areacodes-YEAR.txt, state-council-departments.tsv and city-roles.tsv", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write units-YEAR.tsv into (data/registry)", Required = true };
        var command = new Command("derive", "Rebuild the committed registry (units-YEAR.tsv) from public fact files, e.g. after a new GB/T 2260 edition.") { sources, output };
        command.SetAction(async (parse, cancel) =>
        {
            var written = RegistryDerivation.Run(parse.GetValue(sources)!.FullName, parse.GetValue(output)!.FullName);
            foreach (var (path, count) in written)
            {
                await context.Out.WriteLineAsync($"{path}: {count} units");
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
