namespace GovEval.Core.Scoring;

/// <summary>What happened to an indicator when a unit was scored.</summary>
public enum NodeStatus
{
    /// <summary>Scored from findings, measurements or inputs.</summary>
    Scored,

    /// <summary>An applies-when condition excluded it; its points were removed and the parent rescaled.</summary>
    NotApplicable,

    /// <summary>The scanner could not measure it, or no input was entered; handled as the framework says.</summary>
    NotMeasured,

    /// <summary>A bonus whose gate (e.g. Part 2 above 80) was not reached.</summary>
    GatedOff,

    /// <summary>A veto that hit: the unit fails and nothing else counts.</summary>
    VetoHit,

    /// <summary>A veto that did not hit.</summary>
    VetoClear,

    /// <summary>A veto candidate found by a check that a person has not confirmed.</summary>
    VetoCandidate,
}

/// <summary>A reference from a score line to what justifies it: a finding's archived evidence, an input row, a measurement.</summary>
public sealed record EvidenceRef(
    string Kind,
    string? Rule = null,
    string? Url = null,
    string? Page = null,
    string? Warc = null,
    string? Record = null,
    string? Sha256 = null,
    DateTimeOffset? CapturedAt = null,
    string? Source = null,
    string? Assessor = null,
    string? Value = null);

/// <summary>One explained movement of points: "首页链接不可用 1 个，扣 1 分" with its evidence.</summary>
public sealed record ScoreLine(string Text, decimal Points, IReadOnlyList<EvidenceRef> Evidence);

/// <summary>An indicator's result. <see cref="Max"/> is the points it was worth for this unit after rescaling.</summary>
public sealed record ScoreNode(
    string Id,
    string Name,
    NodeStatus Status,
    decimal Max,
    decimal Earned,
    IReadOnlyList<ScoreLine> Lines,
    IReadOnlyList<ScoreNode> Children,
    string? Note = null);

/// <summary>
/// A unit's score under one framework, explaining every point. Stamped with the framework and engine
/// versions so a published figure can be reproduced.
/// </summary>
public sealed record ScoreSheet(
    string UnitCode,
    string FrameworkId,
    string FrameworkVersion,
    string EngineVersion,
    decimal Total,
    decimal Max,
    bool Vetoed,
    IReadOnlyList<string> Vetoes,
    string? Grade,
    ScoreNode Root,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// False when the unit lacks what a verdict needs (nothing measured or entered, or the framework's
    /// verdict-needs unmet): it is listed as not assessed, never graded, ranked or shown as 0.
    /// </summary>
    public bool Assessed => Root.Status != NodeStatus.NotMeasured;

    /// <summary>Why the unit is not assessed, in Chinese (null when it is); sheets stored before 1.1.0 say it in <see cref="Notes"/>.</summary>
    public string? NotAssessedReason { get; init; }

    public IEnumerable<ScoreNode> Nodes() => Walk(Root);

    public ScoreNode? Node(string id) => Nodes().FirstOrDefault(n => n.Id == id);

    private static IEnumerable<ScoreNode> Walk(ScoreNode node)
    {
        var stack = new Stack<ScoreNode>();
        stack.Push(node);
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
