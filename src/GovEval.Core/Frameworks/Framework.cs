namespace GovEval.Core.Frameworks;

/// <summary>
/// An indicator framework as data (frameworks/*.yaml): which findings, measurements and inputs become
/// which points. Reviewable in a pull request without reading C#; every (default) number lives here.
/// </summary>
public sealed record Framework(
    string Id,
    string Version,
    string Name,
    string? Basis,
    decimal Max,
    int Precision,
    string? GradeBasis,
    IReadOnlyList<GradeBand> Grades,
    string? VetoGrade,
    ReleaseTexts Release,
    Indicator Root,
    string Source,
    bool Confirmed = true)
{
    private IReadOnlyList<Indicator>? indicators;
    private Dictionary<string, Indicator>? byId;

    /// <summary>Every indicator, depth first from the root (cached: scoring asks for it per unit).</summary>
    public IReadOnlyList<Indicator> Indicators() => indicators ??= Root.Descendants().ToList();

    public Indicator? Find(string id)
    {
        byId ??= Indicators().GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return byId.GetValueOrDefault(id);
    }

    public bool HasGates => Indicators().Any(i => i.Gate is not null);

    /// <summary>
    /// What a verdict needs (verdict-needs): a unit lacking any of these is not assessed, with the reason, and
    /// never graded or ranked. A framework built without the loader (tests) states none.
    /// </summary>
    public IReadOnlyList<VerdictNeed> VerdictNeeds { get; init; } = [];

    /// <summary>
    /// The numbers of the website rules (the <c>checks:</c> block): every check that judges a website reads them from
    /// here. Null for a framework that scores no website findings (expert inputs only); such a framework cannot
    /// judge a website, and <c>check</c>, <c>collect</c> and <c>monitor</c> refuse it.
    /// </summary>
    public CheckParameters? Checks { get; init; }

    /// <summary>
    /// How a release measures the stability of ranks and grades under other weights (release.stability); null when
    /// the framework states none, and a release then publishes no intervals.
    /// </summary>
    public StabilitySettings? Stability { get; init; }
}

/// <summary>How much of an indicator a verdict needs observed.</summary>
public enum NeedCoverage
{
    /// <summary>Every applicable leaf below each listed indicator was measured or entered.</summary>
    All,

    /// <summary>At least one leaf below each listed indicator was measured or entered.</summary>
    Any,
}

/// <summary>
/// One thing a verdict needs, e.g. 首页已读取 (the homepage-reading leaves measured) or 单项否决指标均已测量
/// (every applicable veto measured). <see cref="Line"/> points into the YAML file.
/// </summary>
public sealed record VerdictNeed(string Name, IReadOnlyList<string> Indicators, NeedCoverage Coverage, int Line, int Column);

/// <summary>A grade with an inclusive lower bound; the lowest band has none.</summary>
public sealed record GradeBand(string Name, string Label, decimal? Min);

/// <summary>Titles of published lists; {label}, {grade} and {top} are filled in by the results.</summary>
public sealed record ReleaseTexts(string? Title, string? GradeListTitle, string? TopListTitle, string? FullListTitle);

public enum RuleKind
{
    Group,
    Veto,
    Deduct,
    Metric,
    Expert,
    Survey,
    Bonus,
}

/// <summary>What to do with a leaf the scanner could not measure or nobody entered.</summary>
public enum MissingPolicy
{
    /// <summary>Remove its points and rescale the parent, as for a non-applicable leaf.</summary>
    Exclude,

    /// <summary>Award nothing.</summary>
    Zero,

    /// <summary>Award full points (a deduction leaf with nothing measured).</summary>
    Full,
}

/// <summary>
/// Where a group's points go when some of its children do not apply or were not measured (<c>redistribute</c>).
/// </summary>
public enum Redistribution
{
    /// <summary>To the others in proportion to their points: Part 2 out of 75, multiplied by 100/75 (the 2019 check's 4/3).</summary>
    Proportional,

    /// <summary>To the others in equal shares: 25 points over four blocks add 6.25 to each, whatever its own weight.</summary>
    Even,
}

/// <summary>A deduction source: per occurrence of a finding, or per unit (or per step) of a measurement.</summary>
public sealed record Deduction(string? Finding, string? Measurement, decimal Each, decimal? Per);

public enum CurveKind
{
    Steps,
    Linear,
    LogNormal,
}

/// <summary>One step of a step curve: values at or beyond <see cref="Bound"/> earn <see cref="Points"/>.</summary>
public sealed record CurveStep(decimal Bound, decimal Points);

/// <summary>
/// Measured value → share of a leaf's points. Steps award points directly; linear runs from
/// <see cref="Zero"/> (0) to <see cref="Full"/> (all points); log-normal uses Lighthouse's p10/median control
/// points (lower is better: the median earns half, p10 earns 90%).
/// </summary>
public sealed record Curve(CurveKind Kind, bool HigherIsBetter, IReadOnlyList<CurveStep> Steps, decimal Zero, decimal Full, decimal P10, decimal Median);

/// <summary>A bonus gate: the leaf or group counts only when indicator <see cref="Indicator"/> scored above <see cref="Above"/>.</summary>
public sealed record Gate(string Indicator, decimal Above);

/// <summary>applies-when: every fact must hold one of the listed values (facts: portal, externalServices, level, kind, tag, cohort…).</summary>
public sealed record Condition(IReadOnlyDictionary<string, IReadOnlyList<string>> Facts)
{
    public bool Holds(IReadOnlyDictionary<string, IReadOnlyList<string>> facts) =>
        Facts.All(required => facts.TryGetValue(required.Key, out var actual)
            && actual.Any(a => required.Value.Contains(a, StringComparer.OrdinalIgnoreCase)));

    public override string ToString() =>
        string.Join("；", Facts.Select(f => $"{f.Key} = {string.Join("/", f.Value)}"));
}

/// <summary>
/// A node of the indicator tree. Groups sum their children (rescaled when some do not apply); leaves
/// follow their <see cref="Rule"/>. <see cref="Line"/> and <see cref="Column"/> point into the YAML file.
/// </summary>
public sealed record Indicator(
    string Id,
    string Name,
    RuleKind Rule,
    decimal Points,
    IReadOnlyList<Indicator> Children,
    Condition? AppliesWhen,
    Gate? Gate,
    int? Precision,
    MissingPolicy WhenMissing,
    IReadOnlyList<string> Findings,
    string? Input,
    bool ConfirmByInput,
    IReadOnlyList<Deduction> Deductions,
    string? Measurement,
    Curve? Curve,
    IReadOnlyDictionary<string, decimal>? Options,
    decimal? InputMin,
    decimal? InputMax,
    string? Statistic,
    string? Description,
    int Line,
    int Column,
    bool Confirmed = true)
{
    public bool IsLeaf => Rule != RuleKind.Group;

    /// <summary>A group's rule for the points of children that do not apply or were not measured.</summary>
    public Redistribution Redistribute { get; init; } = Redistribution.Proportional;

    /// <summary>The input key a leaf reads: its own id unless it names another.</summary>
    public string InputKey => Input ?? Id;

    public IEnumerable<Indicator> Descendants()
    {
        var stack = new Stack<Indicator>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            yield return next;
            for (var i = next.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(next.Children[i]);
            }
        }
    }
}
