using System.Collections.Concurrent;
using GovEval.Checks.Text;

namespace GovEval.Checks.Content;

/// <summary>A wrong form and the form it should be; serious when the national check vetoes it (a leader's title).</summary>
public sealed record WrongForm(string Wrong, string Right, bool Serious, string Source);

/// <summary>A term of a sensitive-word list; serious when the national check vetoes it (pornography, gambling).</summary>
public sealed record SensitiveTerm(string Word, string Category, bool Serious);

/// <summary>
/// The word lists content.typo and content.sensitive read, loaded once per distinct set of options (a run checks
/// thousands of sites with the same lists), with their automata built.
/// </summary>
public sealed class ContentDictionaries
{
    private static readonly ConcurrentDictionary<string, Lazy<ContentDictionaries>> Cache = new(StringComparer.Ordinal);

    private ContentDictionaries(CheckOptions options)
    {
        OfficialTerms = DictionaryFile.Read(options.OfficialTermsPath, "official-terms.tsv", 2, "wrong\tright\tserious")
            .Select(r => new WrongForm(r.Fields[0], r.Fields[1], DictionaryFile.YesNo(r, 2), "official"))
            .ToList();
        MisusedWords = DictionaryFile.Read(options.MisusedWordsPath, "common-misused-words.tsv", 2, null, spaceSeparated: true)
            .Where(r => r.Fields[0].Length >= options.MinimumMisusedWordLength)
            .Select(r => new WrongForm(r.Fields[0], r.Fields[1], false, "misused"))
            .ToList();

        var sensitive = DictionaryFile.Read(options.SensitiveWordsPath, "sensitive-words.tsv", 1, "word\tcategory\tserious")
            .Select(ToSensitive)
            .ToList();
        foreach (var path in options.ExtraSensitiveWordPaths)
        {
            sensitive.AddRange(DictionaryFile.Read(path, "", 1, "word\tcategory\tserious").Select(ToSensitive));
        }

        sensitive.AddRange(options.ExtraSensitiveWords.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => new SensitiveTerm(w.Trim(), "custom", false)));
        SensitiveTerms = sensitive
            .GroupBy(t => t.Word, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(t => t.Serious).First())
            .ToList();

        WrongForms = [.. OfficialTerms, .. MisusedWords];
        WrongFormAutomaton = new AhoCorasick(WrongForms.Select(w => w.Wrong).ToList());
        SensitiveAutomaton = new AhoCorasick(SensitiveTerms.Select(t => t.Word).ToList());
        Pinyin = options.SamePinyinMatching ? PinyinTable.Load(options.PinyinPath) : null;
        RightForms = OfficialTerms.Select(t => t.Right).Distinct(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<WrongForm> OfficialTerms { get; }

    public IReadOnlyList<WrongForm> MisusedWords { get; }

    public IReadOnlyList<SensitiveTerm> SensitiveTerms { get; }

    /// <summary>Official wrong forms first, then misused words: the index of a match in <see cref="WrongFormAutomaton"/>.</summary>
    public IReadOnlyList<WrongForm> WrongForms { get; }

    public AhoCorasick WrongFormAutomaton { get; }

    public AhoCorasick SensitiveAutomaton { get; }

    /// <summary>Right forms of official terms, for same-pinyin near misses; null readings turn that off.</summary>
    public IReadOnlyList<string> RightForms { get; }

    public PinyinTable? Pinyin { get; }

    public static ContentDictionaries For(CheckOptions options)
    {
        var key = string.Join('\u0001', options.OfficialTermsPath, options.MisusedWordsPath, options.SensitiveWordsPath,
            string.Join('\u0002', options.ExtraSensitiveWordPaths), string.Join('\u0002', options.ExtraSensitiveWords),
            options.PinyinPath, options.SamePinyinMatching, options.MinimumMisusedWordLength);
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<ContentDictionaries>(() => new ContentDictionaries(options)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A broken list must be reported again next time, not cached as a failure.
            Cache.TryRemove(key, out _);
            throw;
        }
    }

    private static SensitiveTerm ToSensitive(DictionaryRow row) => new(
        row.Fields[0],
        row.Fields.Count > 1 && row.Fields[1].Length > 0 ? row.Fields[1] : "other",
        DictionaryFile.YesNo(row, 2));
}
