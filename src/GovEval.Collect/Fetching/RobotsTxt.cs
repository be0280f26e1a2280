namespace GovEval.Collect.Fetching;

/// <summary>
/// robots.txt per RFC 9309: the group whose product token matches ours (else the * group), longest matching
/// path wins, Allow wins a tie, * and $ are wildcards. An unavailable file (4xx) allows everything; an
/// unreachable one (5xx, network failure) disallows everything.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Pattern, bool Allow)> rules;

    private RobotsTxt(List<(string, bool)> rules, bool disallowAll)
    {
        this.rules = rules;
        DisallowAll = disallowAll;
    }

    public static RobotsTxt AllowAll { get; } = new([], false);

    public static RobotsTxt Unreachable { get; } = new([], true);

    public bool DisallowAll { get; }

    public static RobotsTxt Parse(string text, string productToken)
    {
        var token = productToken.ToLowerInvariant();
        var specific = new List<(string, bool)>();
        var general = new List<(string, bool)>();
        var foundSpecific = false;
        var agents = new List<string>();
        var inRules = false;
        var groupSpecific = false;
        var groupGeneral = false;

        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (inRules)
                {
                    agents.Clear();
                    inRules = false;
                }

                agents.Add(value.ToLowerInvariant());
                groupSpecific = agents.Any(a => a != "*" && a.Length > 0 && token.StartsWith(a, StringComparison.Ordinal));
                groupGeneral = agents.Contains("*");
                foundSpecific |= groupSpecific;
                continue;
            }

            if (key is not ("allow" or "disallow"))
            {
                continue;
            }

            inRules = true;
            if (value.Length == 0)
            {
                // "Disallow:" with no path allows everything; it adds no rule.
                continue;
            }

            var rule = (value, key == "allow");
            if (groupSpecific)
            {
                specific.Add(rule);
            }
            else if (groupGeneral)
            {
                general.Add(rule);
            }
        }

        return new RobotsTxt(foundSpecific ? specific : general, false);
    }

    /// <summary>Whether a path with query (as requested: "/a/b?c") may be fetched.</summary>
    public bool IsAllowed(string pathAndQuery)
    {
        if (DisallowAll)
        {
            return false;
        }

        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var (pattern, allow) in rules)
        {
            if (!Matches(pattern, pathAndQuery))
            {
                continue;
            }

            var length = pattern.Length;
            if (length > bestLength || (length == bestLength && allow))
            {
                bestLength = length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        return Match(p, 0, path, 0, anchored);
    }

    private static bool Match(string pattern, int pi, string path, int si, bool anchored)
    {
        while (pi < pattern.Length)
        {
            var c = pattern[pi];
            if (c == '*')
            {
                // Collapse runs of '*' and try every split: patterns are short, so backtracking stays cheap.
                while (pi < pattern.Length && pattern[pi] == '*')
                {
                    pi++;
                }

                if (pi == pattern.Length)
                {
                    return true;
                }

                for (var k = si; k <= path.Length; k++)
                {
                    if (Match(pattern, pi, path, k, anchored))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (si >= path.Length || !CharEquals(c, path[si]))
            {
                return false;
            }

            pi++;
            si++;
        }

        return !anchored || si == path.Length;
    }

    private static bool CharEquals(char a, char b) => a == b;
}
