using System.Globalization;
using GovEval.Core.Errors;

namespace GovEval.Collect.Fetching;

/// <summary>One curl <c>--connect-to HOST1:PORT1:HOST2:PORT2</c> rule; null fields match any (source) or keep the original (target).</summary>
public sealed record ConnectToRule(string? Host, int? Port, string? TargetHost, int? TargetPort)
{
    public bool Matches(string host, int port) =>
        (Host is null || string.Equals(Host, host, StringComparison.OrdinalIgnoreCase)) && (Port is null || Port == port);
}

/// <summary>
/// curl's --connect-to: the first matching rule says where to connect instead; hosts without a rule resolve
/// through real DNS. Rules keyed by exact host are indexed because a sandbox route file holds tens of thousands.
/// </summary>
public sealed class ConnectToRules
{
    private readonly List<ConnectToRule> ordered;
    private readonly Dictionary<string, List<(int Order, ConnectToRule Rule)>> byHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int Order, ConnectToRule Rule)> wildcard = [];

    public ConnectToRules(IEnumerable<ConnectToRule> rules)
    {
        ordered = rules.ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var rule = ordered[i];
            if (rule.Host is null)
            {
                wildcard.Add((i, rule));
            }
            else
            {
                if (!byHost.TryGetValue(rule.Host, out var list))
                {
                    byHost[rule.Host] = list = [];
                }

                list.Add((i, rule));
            }
        }
    }

    public static ConnectToRules Empty { get; } = new([]);

    public IReadOnlyList<ConnectToRule> Rules => ordered;

    public int Count => ordered.Count;

    /// <summary>Parses rules given as arguments; <paramref name="argument"/> names them in errors.</summary>
    public static ConnectToRules Parse(IEnumerable<string> rules, string argument = "--connect-to") =>
        new(rules.Select(r => ParseRule(r, argument)));

    /// <summary>Reads one rule a line; blank lines and lines starting with # are ignored. Errors name file:line.</summary>
    public static ConnectToRules FromFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot read the connect-to rules: {e.Message}");
        }

        var rules = new List<ConnectToRule>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            rules.Add(ParseRule(line, $"{path}:{i + 1}"));
        }

        return new ConnectToRules(rules);
    }

    public ConnectToRules Concat(ConnectToRules other) => new(ordered.Concat(other.ordered));

    /// <summary>Where to connect for <paramref name="host"/>:<paramref name="port"/>, or null when no rule matches.</summary>
    public (string Host, int Port)? Resolve(string host, int port)
    {
        ConnectToRule? best = null;
        var bestOrder = int.MaxValue;
        if (byHost.TryGetValue(host, out var list))
        {
            foreach (var (order, rule) in list)
            {
                if (rule.Matches(host, port))
                {
                    best = rule;
                    bestOrder = order;
                    break;
                }
            }
        }

        foreach (var (order, rule) in wildcard)
        {
            if (order >= bestOrder)
            {
                break;
            }

            if (rule.Matches(host, port))
            {
                best = rule;
                break;
            }
        }

        return best is null ? null : (best.TargetHost ?? host, best.TargetPort ?? port);
    }

    /// <summary>True when some rule names this host explicitly (an AAAA stand-in for IPv6 route files).</summary>
    public bool Names(string host) => byHost.ContainsKey(host);

    public static ConnectToRule ParseRule(string text, string location)
    {
        var parts = Split(text.Trim(), location, text);
        if (parts.Count != 4)
        {
            throw new InputException(location, $"'{text}' is not a connect-to rule: expected HOST1:PORT1:HOST2:PORT2 (empty HOST1 or PORT1 matches any)");
        }

        return new ConnectToRule(
            parts[0].Length == 0 ? null : Unbracket(parts[0]),
            Port(parts[1], location, text),
            parts[2].Length == 0 ? null : Unbracket(parts[2]),
            Port(parts[3], location, text));
    }

    private static string Unbracket(string host) => host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;

    private static int? Port(string text, string location, string rule)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InputException(location, $"'{text}' in '{rule}' is not a port (1-65535)");
        }

        return port;
    }

    // Splits on ':' outside square brackets so IPv6 addresses like [::1] stay whole.
    private static List<string> Split(string text, string location, string rule)
    {
        var parts = new List<string>(4);
        var start = 0;
        var inBracket = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    inBracket = true;
                    break;
                case ']':
                    inBracket = false;
                    break;
                case ':' when !inBracket:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
                case ' ' or '\t':
                    throw new InputException(location, $"'{rule}' contains white space: expected HOST1:PORT1:HOST2:PORT2");
            }
        }

        if (inBracket)
        {
            throw new InputException(location, $"'{rule}' has an unclosed '['");
        }

        parts.Add(text[start..]);
        return parts;
    }
}
