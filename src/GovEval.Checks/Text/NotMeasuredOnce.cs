using GovEval.Core.Observations;

namespace GovEval.Checks.Text;

/// <summary>
/// "Not measured" entries a family adds only when collection has not already said so for the rule: SiteChecks
/// merges both lists, and a report should name the reason once.
/// </summary>
public static class NotMeasuredOnce
{
    public static void Add(List<NotMeasured> list, SiteObservation observation, string rule, string reason)
    {
        if (!observation.NotMeasured.Any(n => n.Rule == rule) && !list.Any(n => n.Rule == rule))
        {
            list.Add(new NotMeasured(rule, reason));
        }
    }
}
