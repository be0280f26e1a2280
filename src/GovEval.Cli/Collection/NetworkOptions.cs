using System.CommandLine;
using GovEval.Collect.Fetching;
using GovEval.Core.Errors;

namespace GovEval.Cli.Collection;

/// <summary>
/// The options every verb that touches the network shares (check, monitor, collect): where host names connect
/// (curl's --connect-to, how tests and demos reach the simulated web), extra trusted roots, politeness and the
/// contact put in the User-Agent.
/// </summary>
public sealed class NetworkOptions
{
    public Option<string[]> ConnectTo { get; } = new("--connect-to")
    {
        Description = "HOST1:PORT1:HOST2:PORT2 — connect there instead (curl's meaning; empty HOST1 or PORT1 matches any); repeatable",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<FileInfo?> ConnectToFile { get; } = new("--connect-to-file") { Description = "Read --connect-to rules from a file, one a line (e.g. the routes `sandbox serve --routes` writes)" };

    public Option<FileInfo?> Ipv6Routes { get; } = new("--ipv6-routes") { Description = "Connect-to rules to IPv6 addresses standing for AAAA records (the simulated web's --ipv6-routes); default: real DNS" };

    public Option<FileInfo[]> Ca { get; } = new("--ca") { Description = "Also trust this root certificate (PEM), e.g. the simulated web's --ca; repeatable" };

    public Option<string?> Contact { get; } = new("--contact") { Description = "Contact (e-mail or URL) added to the User-Agent so site operators can reach you" };

    public Option<bool> NoPoliteness { get; } = new("--no-politeness") { Description = "Do not throttle per host (only for your own sites or the simulated web)" };

    public IEnumerable<Option> All => [ConnectTo, ConnectToFile, Ipv6Routes, Ca, Contact, NoPoliteness];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    public ConnectToRules Rules(ParseResult parse)
    {
        var rules = ConnectToRules.Parse(parse.GetValue(ConnectTo) ?? []);
        return parse.GetValue(ConnectToFile) is { } file ? rules.Concat(ConnectToRules.FromFile(file.FullName)) : rules;
    }

    public ConnectToRules? Ipv6(ParseResult parse) =>
        parse.GetValue(Ipv6Routes) is { } file ? ConnectToRules.FromFile(file.FullName) : null;

    public FetchOptions Fetch(ParseResult parse, Collect.Warc.WarcWriter? warc)
    {
        var roots = new List<string>();
        foreach (var file in parse.GetValue(Ca) ?? [])
        {
            if (!file.Exists)
            {
                throw new InputException("--ca", $"file '{file.FullName}' does not exist");
            }

            var pem = File.ReadAllText(file.FullName);
            if (!pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                throw new InputException("--ca", $"'{file.FullName}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }

            roots.Add(pem);
        }

        var polite = !parse.GetValue(NoPoliteness);
        return new FetchOptions
        {
            ConnectTo = Rules(parse),
            ExtraRootsPem = roots,
            Contact = parse.GetValue(Contact),
            Politeness = polite,
            Warc = warc,
        };
    }
}
