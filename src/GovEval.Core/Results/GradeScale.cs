using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Core.Results;

/// <summary>
/// The grades a framework awards, best first, plus the grade of a vetoed unit. A total earns the first band whose
/// inclusive lower bound it reaches; the lowest band usually has no bound and catches the rest.
/// </summary>
public sealed record GradeScale
{
    public GradeScale(IReadOnlyList<GradeBand> bands, string? vetoGrade)
    {
        // Bands are compared best first whatever order the file lists them in; an unbounded band is the floor.
        Bands = bands.OrderByDescending(b => b.Min.HasValue).ThenByDescending(b => b.Min ?? 0m).ToList();
        VetoGrade = vetoGrade;
        Order = Bands.Select(b => b.Name).Concat(vetoGrade is { } v && Bands.All(b => b.Name != v) ? [v] : []).ToList();
        var duplicate = Bands.GroupBy(b => b.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"grade '{duplicate.Key}' appears twice", nameof(bands));
        }

        if (Bands.Count(b => b.Min is null) > 1)
        {
            throw new ArgumentException("only the lowest grade may omit its lower bound", nameof(bands));
        }
    }

    public static GradeScale None { get; } = new([], null);

    public static GradeScale Of(Framework framework) => new(framework.Grades, framework.VetoGrade);

    public IReadOnlyList<GradeBand> Bands { get; }

    public string? VetoGrade { get; }

    public bool IsEmpty => Bands.Count == 0 && VetoGrade is null;

    /// <summary>Grade names best first, the veto grade last unless it is one of the bands.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>The grade of a total, or null when the scale has no bands or the total is below every bound.</summary>
    public string? Grade(decimal total, bool vetoed)
    {
        if (vetoed && VetoGrade is not null)
        {
            return VetoGrade;
        }

        return Bands.FirstOrDefault(b => b.Min is null || total >= b.Min)?.Name;
    }

    /// <summary>Position in <see cref="Order"/> (0 = best); unknown grades sort after every known one.</summary>
    public int Rank(string grade)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (Order[i] == grade)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The published label of a grade (优秀 → 优秀级); the name itself when the band has no label.</summary>
    public string Label(string grade) =>
        Bands.FirstOrDefault(b => b.Name == grade) is { } band && !string.IsNullOrEmpty(band.Label) ? band.Label : grade;

    /// <summary>
    /// The grade a person wrote in a table, by name or by label (优秀 or 优秀级); null when it is neither.
    /// </summary>
    public string? Resolve(string text)
    {
        var trimmed = text.Trim();
        return Order.FirstOrDefault(g => g == trimmed || Label(g) == trimmed);
    }

    /// <summary>Like <see cref="Resolve"/>, refusing an unknown grade with the place it was read from.</summary>
    public string Require(string text, string location) =>
        Resolve(text) ?? throw new InputException(location, $"unknown grade '{text}'; expected one of {string.Join(", ", Order.Select(g => $"{g} ({Label(g)})"))}");
}
