using System.CommandLine;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Truth;

namespace GovEval.Cli.Commands;

/// <summary><c>goveval sandbox serve</c>: the simulated government web, for tests, demos, benchmarks and calibration.</summary>
public sealed class SandboxCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var sandbox = new Command("sandbox", "The simulated government web: realistic sites with known defects and scanner faults, on loopback.");
        sandbox.Subcommands.Add(Serve(context));
        yield return sandbox;
    }

    private static Command Serve(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1 (0 = pick a free one and print it)", DefaultValueFactory = _ => 0 };
        var tlsPort = new Option<int>("--tls-port") { Description = "HTTPS port on 127.0.0.1 (0 = pick a free one and print it)", DefaultValueFactory = _ => 0 };
        var sites = new Option<int>("--sites") { Description = "How many sites to serve, drawn from the registry as a representative mix (up to 14,475 and beyond)", DefaultValueFactory = _ => 100 };
        var seed = new Option<long>("--seed") { Description = "Seed: the same seed gives byte-identical sites and truth", DefaultValueFactory = _ => 1 };
        var now = new Option<string?>("--now") { Description = "'Today' of every page (ISO-8601 date or date-time; without an offset +08:00); default: today" };
        var truth = new Option<FileInfo?>("--truth") { Description = "Write the ground truth (JSON: seed, now, sites[host, unit, defects[rule, url, page]]) to this file" };
        var routes = new Option<FileInfo?>("--routes") { Description = "Write curl --connect-to rules for every host (HOST:80:127.0.0.1:P, HOST:443:127.0.0.1:Q) to this file" };
        var routes6 = new Option<FileInfo?>("--ipv6-routes") { Description = "Write connect-to rules to [::1] for hosts that have an IPv6 address (for network.ipv6 checks) to this file" };
        var ca = new Option<FileInfo?>("--ca") { Description = "Write the sandbox's root certificate (PEM) to this file, for clients that check certificates" };
        var framework = new Option<string?>("--framework") { Description = "Judge the ground truth with the numbers of this framework's checks block (id or .yaml file; default gov-website-check-2019), e.g. a province's variant" };
        var command = new Command("serve", "Serve the simulated web until interrupted (Ctrl+C).") { port, tlsPort, sites, seed, now, truth, routes, routes6, ca, framework };
        command.SetAction(async (parse, cancel) =>
        {
            var judged = FrameworkCatalog.Get(parse.GetValue(framework) ?? NationalRules.FrameworkId);
            var rules = judged.Checks ?? throw new InputException("--framework",
                $"framework '{judged.Id}' has no 'checks' block: it states none of the numbers the truth is judged with");
            var options = new SandboxOptions
            {
                HttpPort = Port(parse.GetValue(port), "--port"),
                TlsPort = Port(parse.GetValue(tlsPort), "--tls-port"),
                Sites = parse.GetValue(sites),
                Seed = parse.GetValue(seed),
                Now = parse.GetValue(now) is { } text ? RunsCommands.ParseClock(text) : DateTimeOffset.UtcNow,
            };
            await using var server = new SandboxServer(options);
            await server.StartAsync(cancel);

            if (parse.GetValue(truth) is { } truthFile)
            {
                TruthWriter.WriteFile(truthFile.FullName, server, rules);
            }

            if (parse.GetValue(routes) is { } routesFile)
            {
                WriteLines(routesFile, server.Routes());
            }

            if (parse.GetValue(routes6) is { } routes6File)
            {
                WriteLines(routes6File, server.Ipv6Routes());
            }

            if (parse.GetValue(ca) is { } caFile)
            {
                TruthWriter.WriteFile(caFile.FullName, server.CertificateAuthorityPem);
            }

            // Writing the truth of thousands of sites leaves garbage behind; hand it back before serving.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var ipv6 = server.Ipv6HttpPort > 0 ? $", [::1]:{server.Ipv6HttpPort} and [::1]:{server.Ipv6TlsPort}" : "";
            await context.Out.WriteLineAsync(
                $"sandbox: {server.Population.Sites.Count} sites on http://127.0.0.1:{server.HttpPort} and https://127.0.0.1:{server.TlsPort}{ipv6} " +
                $"(seed {options.Seed}, now {server.Today:yyyy-MM-dd}); Ctrl+C to stop");
            await context.Out.FlushAsync(cancel);
            try
            {
                await Task.Delay(Timeout.Infinite, cancel);
            }
            catch (OperationCanceledException)
            {
            }

            await server.StopAsync();
            return CommandLine.Ok;
        });
        return command;
    }

    private static void WriteLines(FileInfo file, IEnumerable<string> lines) => TruthWriter.WriteFile(file.FullName, stream =>
    {
        using var writer = new StreamWriter(stream) { NewLine = "\n" };
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    });

    private static int Port(int value, string option) =>
        value is >= 0 and <= 65535 ? value : throw new InputException(option, $"a port is 0–65535, got {value}");
}
