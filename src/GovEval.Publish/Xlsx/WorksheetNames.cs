namespace GovEval.Publish.Xlsx;

/// <summary>
/// Worksheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an
/// apostrophe, not "History" (reserved), unique ignoring case. Cohort names are usually fine (省、自治区).
/// </summary>
public sealed class WorksheetNames
{
    public const int MaxLength = 31;
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    public string Unique(string wanted)
    {
        var chars = wanted.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim().Trim('\'');
        if (name.Length == 0)
        {
            name = "Sheet";
        }

        if (string.Equals(name, "History", StringComparison.OrdinalIgnoreCase))
        {
            name += "_";
        }

        name = Cut(name, MaxLength);
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(name, MaxLength - suffix.Length).TrimEnd('\'') + suffix;
        }

        return candidate;
    }

    /// <summary>Shortens without splitting a surrogate pair (rare CJK extension characters are two UTF-16 units).</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end].TrimEnd('\'');
    }
}
