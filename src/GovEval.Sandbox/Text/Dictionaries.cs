using System.Reflection;

namespace GovEval.Sandbox.Text;

/// <summary>A wrong form and its right form (错别字 and 易混词), with whether the error is serious (a leader's title).</summary>
public sealed record WrongForm(string Wrong, string Right, bool Serious);

/// <summary>A term of the sensitive-word lists, its category and whether it makes a serious (single-veto) error.</summary>
public sealed record SensitiveTerm(string Word, string Category, bool Serious);

/// <summary>
/// The word lists shipped in data/dictionaries: commonly misused words (Apache-2.0, from pycorrector), wrong
/// forms of official terms and leader titles, and sensitive terms. Checks use the same files, so what the
/// simulated web plants is what a dictionary check can find.
/// </summary>
public static class Dictionaries
{
    public static IReadOnlyList<WrongForm> MisusedWords { get; } = ReadPairs("common-misused-words.tsv", header: false)
        .Select(f => new WrongForm(f[0], f[1], false))
        .ToList();

    /// <summary>
    /// Entries whose wrong form has at least 3 characters. Two-character entries of the pycorrector list match
    /// inside correct running text (标识 in 网站标识码, 展生 in 开展生态), so the simulated web plants only these and
    /// a substring check should use only these (or segment words first).
    /// </summary>
    public static IReadOnlyList<WrongForm> ReliableMisusedWords { get; } = MisusedWords.Where(w => w.Wrong.Length >= 3).ToList();

    public static IReadOnlyList<WrongForm> OfficialTerms { get; } = ReadPairs("official-terms.tsv", header: true)
        .Select(f => new WrongForm(f[0], f[1], f.Length > 2 && f[2] == "yes"))
        .ToList();

    public static IReadOnlyList<SensitiveTerm> SensitiveTerms { get; } = ReadPairs("sensitive-words.tsv", header: true)
        .Select(f => new SensitiveTerm(f[0], f[1], f.Length > 2 && f[2] == "yes"))
        .ToList();

    private static IEnumerable<string[]> ReadPairs(string name, bool header)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"dictionaries/{name}")
            ?? throw new FileNotFoundException($"embedded dictionaries/{name} is missing from the build");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var skippedHeader = !header;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!skippedHeader)
            {
                skippedHeader = true;
                continue;
            }

            // The pycorrector list separates most pairs by a tab and a few by a space.
            var fields = line.Contains('\t') ? line.Split('\t') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0].Length > 0 && fields[1].Length > 0)
            {
                rows.Add(fields);
            }
        }

        return rows;
    }
}
