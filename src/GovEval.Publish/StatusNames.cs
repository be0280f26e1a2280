using GovEval.Core.Scoring;

namespace GovEval.Publish;

/// <summary>How a report names an indicator's status: the names of <see cref="Core.Scoring.StatusNames"/>, which change attribution also prints.</summary>
public static class StatusNames
{
    public static string Of(NodeStatus status) => Core.Scoring.StatusNames.Of(status);
}
