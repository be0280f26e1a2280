namespace GovEval.Core.Results;

/// <summary>
/// The release's sentence for one grade, in the style of the 2020 release:
/// 优秀级：由15个上升至18个，其中3个良好级升至优秀级 (more than last year);
/// 良好级：18个，其中2个发展级升至良好级 (as many or fewer, but some moved in: the newcomers are the news);
/// 起步级：减少至10个 (fewer, nobody moved in).
/// Units that moved in are counted by the grade they came from, risers before fallers:
/// 其中2个发展级、1个起步级升至良好级，1个优秀级降至良好级.
/// </summary>
public static class TransitionSentences
{
    public static string For(string label, int before, int after, IReadOnlyList<(string FromLabel, int Count)> risers, IReadOnlyList<(string FromLabel, int Count)> fallers)
    {
        var movedIn = risers.Sum(r => r.Count) + fallers.Sum(f => f.Count);
        var head = after > before
            ? $"由{before}个上升至{after}个"
            : after < before && movedIn == 0
                ? $"减少至{after}个"
                : $"{after}个";
        var clauses = new List<string>();
        if (risers.Count > 0)
        {
            clauses.Add($"{string.Join("、", risers.Select(r => $"{r.Count}个{r.FromLabel}"))}升至{label}");
        }

        if (fallers.Count > 0)
        {
            clauses.Add($"{string.Join("、", fallers.Select(f => $"{f.Count}个{f.FromLabel}"))}降至{label}");
        }

        return clauses.Count == 0 ? $"{label}：{head}" : $"{label}：{head}，其中{string.Join("，", clauses)}";
    }
}
