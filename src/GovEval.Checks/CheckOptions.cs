namespace GovEval.Checks;

/// <summary>Options of a check run (dictionaries, thresholds that are readings of the rules, not points).</summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    // Content, Privacy (docs/checks.md "Content"): null paths use the lists embedded from data/dictionaries.

    /// <summary>Wrong forms of official terms and leader titles (wrong, right, serious yes/no), replacing the embedded list.</summary>
    public string? OfficialTermsPath { get; init; }

    /// <summary>Commonly misused words (wrong, right[, frequency]), replacing the embedded pycorrector list.</summary>
    public string? MisusedWordsPath { get; init; }

    /// <summary>Sensitive terms (word, category, serious yes/no), replacing the embedded list.</summary>
    public string? SensitiveWordsPath { get; init; }

    /// <summary>Further sensitive-word files in the same format, added to the main list (a province's own list).</summary>
    public IReadOnlyList<string> ExtraSensitiveWordPaths { get; init; } = [];

    /// <summary>Further sensitive terms given inline (not serious), added to the lists.</summary>
    public IReadOnlyList<string> ExtraSensitiveWords { get; init; } = [];

    /// <summary>Character readings for same-pinyin matching (char, readings), replacing the embedded table.</summary>
    public string? PinyinPath { get; init; }

    /// <summary>Also report official terms written with one same-sounding wrong character that no list names.</summary>
    public bool SamePinyinMatching { get; init; } = true;

    /// <summary>
    /// Misused-word entries shorter than this are skipped: without word segmentation a two-character entry
    /// matches inside correct text (标识 in 网站标识码).
    /// </summary>
    public int MinimumMisusedWordLength { get; init; } = 3;
}
