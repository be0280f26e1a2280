using GovEval.Core.Errors;

namespace GovEval.Publish;

/// <summary>What <c>publish --format</c> can write.</summary>
public enum ReleaseFormat
{
    Html,
    Xlsx,
    Json,
    Csv,
}

public static class ReleaseFormats
{
    public static IReadOnlyList<ReleaseFormat> All { get; } = Enum.GetValues<ReleaseFormat>();

    /// <summary>Parses <c>html,xlsx,json,csv</c> (any subset, any order, case-insensitive); empty means all.</summary>
    public static IReadOnlyList<ReleaseFormat> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var formats = new List<ReleaseFormat>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<ReleaseFormat>(part, ignoreCase: true, out var format) || !Enum.IsDefined(format) || char.IsDigit(part[0]))
            {
                throw new InputException("--format", $"unknown format '{part}'; use any of html, xlsx, json, csv");
            }

            if (!formats.Contains(format))
            {
                formats.Add(format);
            }
        }

        return formats.Count > 0 ? formats : All;
    }
}
