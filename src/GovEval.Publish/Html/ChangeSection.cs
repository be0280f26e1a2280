using GovEval.Core.Registry;
using GovEval.Core.Results.Changes;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// A unit's score sheet page, 与上轮相比: how its total, rank and grade moved since the earlier round and, indicator by
/// indicator, which findings, inputs and measurements moved how many points (<see cref="ChangeAttributor"/>), down to
/// the rounding, so the rows add up to the change. It answers "why did we drop from 5th to 9th".
/// </summary>
public static class ChangeSection
{
    public static void Write(HtmlDocument page, ReleaseLookup lookup, UnitChange change)
    {
        var release = lookup.Release;
        var decimals = release.Changes!.Decimals;
        var since = release.PreviousYear is { } year ? $"与{year}年相比" : "与上轮相比";
        page.Line("<section class=\"block\" id=\"changes\">")
            .Line($"<h2>{E(since)}</h2>")
            .Line($"<p>总分由{Numbers.Points(change.Before)}变为{Numbers.Points(change.After)}（{E(StabilityText.Signed(change.Delta, decimals))}）{E(Standing(lookup, change.Code))}。</p>");
        if (change.Note is { } note)
        {
            page.Line($"<p class=\"note\">{E(note)}</p>");
        }

        if (change.Indicators.Count == 0 && change.Rounding == 0)
        {
            page.Line("<p>各项指标得分均无变化。</p>").Line("</section>");
            return;
        }

        page.Line("<table><thead><tr><th>指标</th><th>类型</th><th>变化</th><th>内容</th><th>分值变化</th></tr></thead><tbody>");
        foreach (var part in change.Indicators)
        {
            var name = part.Group == part.Indicator ? part.Name : $"{part.GroupName} / {part.Name}";
            page.Line($"<tr class=\"part\"><td colspan=\"4\">{E(name)} <code>{E(part.Indicator)}</code></td><td class=\"num\">{E(StabilityText.Signed(part.Points, decimals))}</td></tr>");
            foreach (var item in part.Items)
            {
                page.Raw("<tr class=\"line\"><td></td>")
                    .Raw($"<td>{E(StabilityText.KindName(item.Kind))}</td><td>{E(StabilityText.ChangeName(item))}</td>")
                    .Raw($"<td>{E(item.Text)}{Evidence(item)}</td>")
                    .Line($"<td class=\"num\">{E(StabilityText.Signed(item.Points, decimals))}</td></tr>");
            }
        }

        if (change.Rounding != 0)
        {
            page.Line($"<tr><td colspan=\"4\">四舍五入（总分及各级指标按规定位数取舍）</td><td class=\"num\">{E(StabilityText.Signed(change.Rounding, decimals))}</td></tr>");
        }

        page.Line($"<tr class=\"part\"><td colspan=\"4\">合计</td><td class=\"num\">{E(StabilityText.Signed(change.Delta, decimals))}</td></tr>")
            .Line("</tbody></table>")
            .Line("<p class=\"note\">注：扣分指标在任一轮达到扣分上限时，各问题的分值按同一比例折算，使其合计等于该指标的实际变化；各行与四舍五入之和等于总分变化。</p>")
            .Line("</section>");
    }

    /// <summary>排名由第五名降至第九名, per ranked cohort the unit was ranked in both rounds.</summary>
    private static string Standing(ReleaseLookup lookup, string code)
    {
        var parts = new List<string>();
        foreach (var (cohort, _) in lookup.Standings(code))
        {
            if (cohort.Cohort.Result != CohortResult.Ranked || lookup.RankChange(cohort.Cohort.Id, code) is not { Before: { } before, After: { } after })
            {
                continue;
            }

            var label = lookup.Standings(code).Count > 1 ? cohort.Cohort.Name : "";
            parts.Add(before == after
                ? $"，{label}排名仍为{ChineseNumerals.Ordinal(after)}"
                : $"，{label}排名由{ChineseNumerals.Ordinal(before)}{(after < before ? "升至" : "降至")}{ChineseNumerals.Ordinal(after)}");
        }

        return string.Concat(parts);
    }

    private static string Evidence(ChangeItem item)
    {
        var parts = new List<string>();
        if (item.Page is { Length: > 0 } page && item.Kind == "finding")
        {
            parts.Add($"发现于 <code>{E(page)}</code>");
        }

        if (item.Evidence is { Length: > 0 } evidence)
        {
            parts.Add($"依据：{E(evidence)}");
        }

        if (item.Source is { Length: > 0 } source)
        {
            parts.Add($"录入 <code>{E(source)}</code>");
        }

        if (item.Kind == "finding" && item.Change == ChangeKind.Changed && item.Before != item.After)
        {
            parts.Add($"上轮：{E(item.Before ?? "")}；本轮：{E(item.After ?? "")}");
        }

        return parts.Count == 0 ? "" : $"<br><span class=\"note\">{string.Join("；", parts)}</span>";
    }
}
