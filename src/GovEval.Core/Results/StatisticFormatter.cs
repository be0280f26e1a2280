using System.Globalization;

namespace GovEval.Core.Results;

/// <summary>
/// Counts with their share, as the release prints them: 23个省级（占比71.9%）, and several cohorts in one finding:
/// 23个省级（占比71.9%）和31个重点城市（占比96.9%）明确了政务数据统筹管理机构.
/// </summary>
public static class StatisticFormatter
{
    /// <summary>Share in percent to one decimal, half away from zero (23 of 32 → 71.9).</summary>
    public static decimal Share(int count, int total)
    {
        if (total <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "a share needs a positive total");
        }

        if (count < 0 || count > total)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must lie between 0 and {total}");
        }

        return Math.Round(count * 100m / total, 1, MidpointRounding.AwayFromZero);
    }

    public static StatisticItem Item(string cohortId, string cohortName, int count, int total)
    {
        var share = Share(count, total);
        var text = $"{count}个{cohortName}（占比{share.ToString("0.0", CultureInfo.InvariantCulture)}%）";
        return new StatisticItem(cohortId, cohortName, count, total, share, text);
    }

    /// <summary>Items joined as Chinese lists are (A和B; A、B和C), followed by what they have in common.</summary>
    public static StatisticGroup Group(string subject, IReadOnlyList<StatisticItem> items)
    {
        var texts = items.Select(i => i.Text).ToList();
        var joined = texts.Count <= 1
            ? string.Concat(texts)
            : $"{string.Join("、", texts.Take(texts.Count - 1))}和{texts[^1]}";
        return new StatisticGroup(subject, items, joined + subject);
    }
}
