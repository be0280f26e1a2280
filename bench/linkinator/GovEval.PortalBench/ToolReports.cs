using System.Text.Json;

namespace GovEval.PortalBench;

/// <summary>
/// Reads what each tool reported and compares it with the generator's truth and with linkinator: HTML pages of
/// the site crawled, and the broken targets found (by URL, one per target however many pages link it).
/// linkinator's CSV lists every URL it checked once, with its state; <c>goveval check</c>'s report.json has the
/// pages it crawled and one finding per broken target (links.broken, links.broken-homepage, downloads.broken,
/// services.system-down); goveval-links' CSV lists the site's faults, one row per link on a page.
/// </summary>
public static class ToolReports
{
    private static readonly string[] BrokenRules = ["links.broken", "links.broken-homepage", "downloads.broken", "services.system-down"];

    /// <param name="tools">name=FILE; the kind is told by the name: linkinator…, goveval… (report.json), links… (CSV).</param>
    public static int Compare(string truthFile, string origin, string[] tools, TextWriter output)
    {
        var truth = File.ReadAllLines(truthFile).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var reports = new List<(string Name, int? Pages, HashSet<string> Broken)>();
        foreach (var tool in tools)
        {
            var split = tool.IndexOf('=');
            if (split <= 0)
            {
                Console.Error.WriteLine($"compare: '{tool}' is not NAME=FILE");
                return 2;
            }

            var (name, file) = (tool[..split], tool[(split + 1)..]);
            if (!File.Exists(file))
            {
                reports.Add((name, null, []));
                continue;
            }

            var (pages, broken) = name.StartsWith("linkinator", StringComparison.Ordinal) ? Linkinator(file, origin)
                : name.StartsWith("links", StringComparison.Ordinal) ? (null, LinksCsv(file))
                : GovevalReport(file);
            reports.Add((name, pages, broken));
        }

        var reference = reports.FirstOrDefault(r => r.Name.StartsWith("linkinator", StringComparison.Ordinal)).Broken;
        foreach (var (name, pages, broken) in reports)
        {
            var line = $"{name}: pages={(pages is null ? "-" : pages.ToString())} broken={broken.Count} truth-missed={truth.Except(broken).Count()} not-in-truth={broken.Except(truth).Count()}";
            if (reference is not null && !name.StartsWith("linkinator", StringComparison.Ordinal))
            {
                var missed = reference.Except(broken).Order(StringComparer.Ordinal).ToList();
                line += $" linkinator-only={missed.Count} only-here={broken.Except(reference).Count()}";
                if (missed.Count > 0)
                {
                    line += $" (first: {missed[0]})";
                }
            }

            output.WriteLine(line);
        }

        return 0;
    }

    /// <summary>URLs of the site that are pages (not assets), whatever they answered, and every BROKEN URL.</summary>
    private static (int?, HashSet<string>) Linkinator(string file, string origin)
    {
        var pages = new HashSet<string>(StringComparer.Ordinal);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fields in Csv(file).Skip(1))
        {
            if (fields.Count < 3)
            {
                continue;
            }

            var (url, state) = (fields[0], fields[2]);
            if (state == "BROKEN")
            {
                broken.Add(url);
            }

            // Pages it fetched to read, as GovEval counts them: a missing article is a page that answered 404.
            if (state is "OK" or "BROKEN" && url.StartsWith(origin + "/", StringComparison.Ordinal) && IsPage(url))
            {
                pages.Add(url);
            }
        }

        return (pages.Count, broken);
    }

    private static bool IsPage(string url)
    {
        var path = new Uri(url).AbsolutePath;
        return path.EndsWith('/') || path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".htm", StringComparison.Ordinal);
    }

    private static HashSet<string> LinksCsv(string file)
    {
        var rows = Csv(file).ToList();
        var target = rows.Count > 0 ? rows[0].IndexOf("target") : -1;
        return rows.Skip(1).Where(r => target >= 0 && r.Count > target).Select(r => r[target]).ToHashSet(StringComparer.Ordinal);
    }

    private static (int?, HashSet<string>) GovevalReport(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = json.RootElement;
        int? pages = root.TryGetProperty("measurements", out var m) && m.TryGetProperty("pages", out var p) && p.TryGetInt32(out var n) ? n : null;
        var broken = root.GetProperty("findings").EnumerateArray()
            .Where(f => BrokenRules.Contains(f.GetProperty("rule").GetString()))
            .Select(f => f.GetProperty("url").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        return (pages, broken);
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> Csv(string file)
    {
        using var reader = new StreamReader(file);
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return fields;
                fields = [];
                any = false;
            }
            else
            {
                field.Append((char)c);
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
