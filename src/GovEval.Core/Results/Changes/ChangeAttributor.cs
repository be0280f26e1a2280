using System.Globalization;
using GovEval.Core.Frameworks;
using GovEval.Core.Rules;
using GovEval.Core.Scoring;

namespace GovEval.Core.Results.Changes;

/// <summary>
/// Why each unit's total moved between an earlier round and this one, read from the two score sheets alone.
/// <list type="number">
/// <item>The total's change is split over the leaf indicators: a leaf moved the total by what it earned times the
/// rescaling of the groups above it (<see cref="SheetContributions"/>), this round's minus the earlier round's.</item>
/// <item>A leaf's change is split over the findings, inputs and measurements that appeared, disappeared or changed
/// in it. In a deduction leaf each finding moves its own deduction (one broken homepage link: −1); when the leaf's cap
/// binds in either round the deductions do not all count, so every item's move is multiplied by the same factor, the
/// leaf's actual change over the sum of the moves (between 0 and 1), and the items add up to the leaf's change. In a
/// leaf read from one value (an input, a measurement through a curve) that value takes the whole change.</item>
/// <item>What items do not explain is stated as such: <c>status</c> (the leaf was not measured, or did not apply,
/// in one of the rounds), <c>rescale</c> (its group was rescaled differently: the earlier points times the change of
/// the factor) and <c>gate</c> (a bonus gate opened or closed).</item>
/// <item>Everything is rounded to <see cref="Decimals"/>: each leaf's part half away from zero, its items by the
/// largest remainder so they add up to it, and what rounding leaves between the parts and the change of the published
/// totals is the unit's <see cref="UnitChange.Rounding"/>. The parts and the rounding add up to the change exactly.</item>
/// <item>A veto that hit in one round and not in the other decides the whole change (a vetoed total is 0); the other
/// changes are listed with no points. Rounds scored with different frameworks or versions are attributed per leaf
/// indicator (matched by id) only, and say so.</item>
/// </list>
/// Pure: the same sheets give the same attribution.
/// </summary>
public static class ChangeAttributor
{
    /// <summary>Decimals attribution is published to: two, or the framework's own precision when it has more.</summary>
    public static int Decimals(Framework framework) => Math.Max(2, framework.Precision);

    public static ChangeAttribution Between(
        Framework framework,
        Framework? previousFramework,
        IReadOnlyDictionary<string, ScoreSheet> now,
        IReadOnlyList<ScoreSheet> before,
        IEnumerable<string> codes,
        string? previousRun)
    {
        var decimals = Decimals(framework);
        var earlier = before.GroupBy(s => s.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var units = new Dictionary<string, UnitChange>(StringComparer.Ordinal);
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
        {
            if (now.TryGetValue(code, out var after) && earlier.TryGetValue(code, out var previous) && after.Assessed && previous.Assessed)
            {
                var framed = previousFramework is not null && previousFramework.Id == previous.FrameworkId ? previousFramework
                    : framework.Id == previous.FrameworkId ? framework
                    : null;
                units[code] = Unit(previous, after, framed, framework, decimals);
            }
        }

        var first = before.FirstOrDefault();
        return new ChangeAttribution(
            previousRun,
            $"{framework.Id} {framework.Version}",
            first is null ? "" : $"{first.FrameworkId} {first.FrameworkVersion}",
            units.Values.All(u => !u.ByIndicatorOnly),
            decimals,
            units);
    }

    private static UnitChange Unit(ScoreSheet a, ScoreSheet b, Framework? frameworkA, Framework frameworkB, int decimals)
    {
        var byItem = a.FrameworkId == b.FrameworkId && a.FrameworkVersion == b.FrameworkVersion;
        var partsA = SheetContributions.Of(frameworkA, a);
        var partsB = SheetContributions.Of(frameworkB, b);
        var byIdA = partsA.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byIdB = partsB.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ids = partsB.Select(p => p.Id).Concat(partsA.Select(p => p.Id)).Distinct(StringComparer.Ordinal).ToList();
        var delta = b.Total - a.Total;
        var vetoed = a.Vetoed || b.Vetoed;

        // A veto that decides the change is stated once, as the veto's own part below.
        var deciding = a.Vetoed != b.Vetoed ? (b.Vetoed ? b : a).Vetoes.ToHashSet(StringComparer.Ordinal) : [];
        var leaves = new List<(IndicatorChange Change, IReadOnlyList<decimal> Exact)>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (deciding.Contains(ids[i]))
            {
                continue;
            }

            byIdA.TryGetValue(ids[i], out var pa);
            byIdB.TryGetValue(ids[i], out var pb);
            var (change, exact) = Leaf(pa, pb, byItem);
            if (vetoed)
            {
                // A vetoed total is 0 whatever the indicators earned: their changes are listed, they moved nothing.
                exact = exact.Select(_ => 0m).ToList();
            }

            leaves.Add((change, exact));
        }

        var notes = new List<string>();
        if (!byItem)
        {
            notes.Add($"两轮评分所用的指标体系不同（{a.FrameworkId} {a.FrameworkVersion} → {b.FrameworkId} {b.FrameworkVersion}），仅按指标归因，未逐项比较问题和录入值");
        }

        if (a.Vetoed != b.Vetoed)
        {
            var veto = Veto(a, b, delta, frameworkA, frameworkB, byIdA, byIdB, byItem);
            leaves.Insert(0, (veto.Change, veto.Exact));
            notes.Add(veto.Change.Items[0].Text);
        }
        else if (vetoed)
        {
            notes.Add("两轮均触发单项否决，总分均为0");
        }

        var indicators = new List<IndicatorChange>();
        foreach (var (change, exact) in leaves)
        {
            var points = Rounding.Round(exact.Sum(), decimals);
            var shares = Apportion(exact, points, decimals);
            var items = change.Items.Select((item, k) => item with { Points = shares[k] })
                .Where(item => item.Change is not null || item.Points != 0)
                .ToList();
            if (points == 0 && items.Count == 0)
            {
                continue;
            }

            indicators.Add(change with
            {
                Points = points,
                Items = items.Select((item, k) => (item, k)).OrderByDescending(x => Math.Abs(x.item.Points)).ThenBy(x => x.k).Select(x => x.item).ToList(),
            });
        }

        var ordered = indicators.Select((c, k) => (c, k)).OrderByDescending(x => Math.Abs(x.c.Points)).ThenBy(x => x.k).Select(x => x.c).ToList();
        var rounding = delta - ordered.Sum(c => c.Points);
        return new UnitChange(b.UnitCode, a.Total, b.Total, delta, ordered, rounding, notes.Count == 0 ? null : string.Join("；", notes), !byItem);
    }

    /// <summary>One leaf: its items with their exact points (on the total), which add up to the leaf's change.</summary>
    private static (IndicatorChange Change, IReadOnlyList<decimal> Exact) Leaf(LeafPart? a, LeafPart? b, bool byItem)
    {
        var (earnedA, factorA) = (a?.Earned ?? 0m, a?.Factor ?? 0m);
        var (earnedB, factorB) = (b?.Earned ?? 0m, b?.Factor ?? 0m);
        var leaf = (b ?? a)!;
        var items = new List<ChangeItem>();
        var exact = new List<decimal>();
        var explained = 0m;
        var change = earnedB - earnedA;
        if (a is null || b is null)
        {
            // An indicator of one round only (it did not apply in the other, or the frameworks differ): its whole part
            // is that; what it held is listed without points.
            if (byItem)
            {
                items.AddRange(Moves(a, b, 0m).Select(m => m.Item));
                exact.AddRange(items.Select(_ => 0m));
            }

            items.Add(new ChangeItem("status", null, null, null, null, null, null, a is null ? null : StatusNames.Of(a.Status), b is null ? null : StatusNames.Of(b.Status), 0, StatusText(a, b, byItem)));
            exact.Add((earnedB * factorB) - (earnedA * factorA));
            return (new IndicatorChange(leaf.Id, leaf.Name, leaf.Group, leaf.GroupName, 0, items), exact);
        }

        if (byItem)
        {
            var moves = Moves(a, b, change);
            explained = moves.Sum(m => m.Move);
            foreach (var (item, move) in moves)
            {
                items.Add(item);
                exact.Add(move * factorB);
            }
        }

        var unexplained = (change - explained) * factorB;
        if (unexplained != 0)
        {
            items.Add(new ChangeItem("status", null, null, null, null, null, null, StatusNames.Of(a.Status), StatusNames.Of(b.Status), 0, StatusText(a, b, byItem)));
            exact.Add(unexplained);
        }

        var refactored = earnedA * (factorB - factorA);
        if (refactored != 0)
        {
            var gate = a.GatedOff != b.GatedOff;
            items.Add(new ChangeItem(
                gate ? "gate" : "rescale",
                null, null, null, null, null, null,
                factorA.ToString("0.####", CultureInfo.InvariantCulture),
                factorB.ToString("0.####", CultureInfo.InvariantCulture),
                0,
                gate
                    ? b.GatedOff ? "本轮未达到加分条件，此项加分不计入总分" : "本轮达到加分条件，此项加分计入总分"
                    : "所在指标的折算比例变化（同组其他指标的适用或测量情况不同）"));
            exact.Add(refactored);
        }

        return (new IndicatorChange(leaf.Id, leaf.Name, leaf.Group, leaf.GroupName, 0, items), exact);
    }

    /// <summary>
    /// Items that appeared, disappeared or changed in a leaf, each with its move of the leaf's own points: deductions
    /// move by their own amount (scaled by one factor when the cap binds), a leaf read from one value moves by its
    /// whole change, split evenly if several values changed.
    /// </summary>
    private static List<(ChangeItem Item, decimal Move)> Moves(LeafPart? a, LeafPart? b, decimal change)
    {
        var before = (a?.Items ?? []).ToDictionary(i => i.Key, StringComparer.Ordinal);
        var after = (b?.Items ?? []).ToDictionary(i => i.Key, StringComparer.Ordinal);
        var keys = (b?.Items ?? []).Select(i => i.Key).Concat((a?.Items ?? []).Select(i => i.Key)).Distinct(StringComparer.Ordinal).ToList();
        var rule = b?.Rule ?? a?.Rule;
        var listed = new List<(ChangeItem Item, decimal Raw)>();
        foreach (var key in keys)
        {
            before.TryGetValue(key, out var was);
            after.TryGetValue(key, out var now);
            // A finding "changed" when its message did (HTTP 404 → 500, seen on more pages); where a crawl first saw it does not count.
            var kind = was is null ? ChangeKind.Appeared : now is null ? ChangeKind.Disappeared
                : was.Value != now.Value ? ChangeKind.Changed
                : (ChangeKind?)null;
            var raw = rule == RuleKind.Deduct ? -((now?.Deduction ?? 0m) - (was?.Deduction ?? 0m)) : 0m;
            if (kind is null && raw == 0)
            {
                continue;
            }

            listed.Add((Item(was, now, kind ?? ChangeKind.Changed), raw));
        }

        if (rule != RuleKind.Deduct)
        {
            // One value decides the leaf (an input, a measurement through a curve): what changed takes the change.
            var changed = listed.Count;
            return listed.Select(l => (l.Item, changed == 0 ? 0m : change / changed)).ToList();
        }

        var sum = listed.Sum(l => l.Raw);
        var scale = sum != 0 && change / sum is var ratio && ratio >= 0 && ratio <= 1 ? ratio : 1m;
        return listed.Select(l => (l.Item, l.Raw * scale)).ToList();
    }

    private static ChangeItem Item(LeafItem? was, LeafItem? now, ChangeKind kind)
    {
        var item = (now ?? was)!;
        var (before, after) = item.Kind == "measurement" ? (Measure(item.Rule!, was?.Value), Measure(item.Rule!, now?.Value)) : (was?.Value, now?.Value);
        var text = item.Kind switch
        {
            "finding" => kind switch
            {
                ChangeKind.Appeared => $"新发现{RuleCatalogue.NameOf(item.Rule!)}：{item.Url}",
                ChangeKind.Disappeared => $"{RuleCatalogue.NameOf(item.Rule!)}不再发现：{item.Url}",
                _ => $"{RuleCatalogue.NameOf(item.Rule!)}仍存在，情况有变化：{item.Url}",
            },
            "input" => kind switch
            {
                ChangeKind.Appeared => $"新录入“{after}”",
                ChangeKind.Disappeared => $"上轮录入“{before}”，本轮未录入",
                _ => $"录入值由“{before}”改为“{after}”",
            },
            _ => kind switch
            {
                ChangeKind.Appeared => $"{MeasurementName(item.Rule!)}为{after}（上轮未扣分或未测量）",
                ChangeKind.Disappeared => $"{MeasurementName(item.Rule!)}上轮为{before}，本轮不扣分或未测量",
                _ => $"{MeasurementName(item.Rule!)}由{before}变为{after}",
            },
        };
        return new ChangeItem(item.Kind, kind, item.Rule, item.Url, now?.Page ?? was?.Page, now?.Source ?? was?.Source, now?.Evidence ?? was?.Evidence, before, after, 0, text);
    }

    /// <summary>A veto that hit in exactly one round: the whole change, shared evenly by the veto's findings or inputs that changed.</summary>
    private static (IndicatorChange Change, IReadOnlyList<decimal> Exact) Veto(
        ScoreSheet a,
        ScoreSheet b,
        decimal delta,
        Framework? frameworkA,
        Framework frameworkB,
        Dictionary<string, LeafPart> partsA,
        Dictionary<string, LeafPart> partsB,
        bool byItem)
    {
        var hit = b.Vetoed ? b : a;
        var framework = b.Vetoed ? frameworkB : frameworkA;
        var names = string.Join("、", hit.Vetoes.Select(v => framework?.Find(v)?.Name ?? hit.Node(v)?.Name ?? v));
        var text = b.Vetoed ? $"本轮触发单项否决（{names}），总分计0，其他指标不计分" : $"上轮触发单项否决（{names}），本轮已解除";
        var items = new List<ChangeItem>();
        if (byItem)
        {
            foreach (var id in hit.Vetoes)
            {
                partsA.TryGetValue(id, out var was);
                partsB.TryGetValue(id, out var now);
                items.AddRange(Moves(was, now, 0m).Select(m => m.Item).Where(i => i.Change == (b.Vetoed ? ChangeKind.Appeared : ChangeKind.Disappeared) || i.Kind == "input"));
            }
        }

        items.Insert(0, new ChangeItem("veto", b.Vetoed ? ChangeKind.Appeared : ChangeKind.Disappeared, null, null, null, null, null, a.Vetoed ? names : null, b.Vetoed ? names : null, 0, text));
        var share = delta / items.Count;
        var first = hit.Vetoes.FirstOrDefault() ?? "veto";
        var part = (b.Vetoed ? partsB : partsA).GetValueOrDefault(first);
        return (new IndicatorChange(first, names, part?.Group ?? first, part?.GroupName ?? names, 0, items), items.Select(_ => share).ToList());
    }

    private static string StatusText(LeafPart? a, LeafPart? b, bool byItem) =>
        a is null ? "上轮无此指标"
        : b is null ? "本轮无此指标"
        : !byItem ? "指标得分变化"
        : a.Status != b.Status ? $"本项由“{StatusNames.Of(a.Status)}”变为“{StatusNames.Of(b.Status)}”"
        : "本项得分变化（无对应的问题或录入值变化）";

    private static string? Measure(string name, string? value) =>
        value is null ? null
        : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? TreeEvaluation.FormatMeasure(name, number)
        : value;

    private static string MeasurementName(string name) => MeasurementCatalogue.Find(name)?.Description ?? name;

    /// <summary>
    /// Values rounded to <paramref name="decimals"/> so they add up to <paramref name="target"/> (itself rounded):
    /// each half away from zero, then the difference handed out one last digit at a time to the values rounding moved
    /// furthest the other way (largest remainder), later values first on ties, so that the closing lines of a part
    /// (status, rescale, gate) absorb a tie rather than a finding.
    /// </summary>
    internal static decimal[] Apportion(IReadOnlyList<decimal> values, decimal target, int decimals)
    {
        var rounded = values.Select(v => Rounding.Round(v, decimals)).ToArray();
        if (rounded.Length == 0)
        {
            return rounded;
        }

        var unit = 1m / (decimal)Math.Pow(10, decimals);
        var steps = (int)((target - rounded.Sum()) / unit);
        var order = Enumerable.Range(0, rounded.Length)
            .OrderByDescending(i => Math.Sign(steps) * (values[i] - rounded[i]))
            .ThenByDescending(i => i)
            .ToList();
        for (var s = 0; s < Math.Abs(steps); s++)
        {
            rounded[order[s % order.Count]] += Math.Sign(steps) * unit;
        }

        return rounded;
    }
}
