using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Scoring;

namespace GovEval.Core.Results.Stability;

/// <summary>
/// Uncertainty analysis of a release's ranks and grades (OECD/JRC Handbook on Constructing Composite Indicators,
/// step 7; COINr's get_sensitivity with SA_type "UA" and noisy weights is the reference). Every weight of the
/// framework (<see cref="WeightTree"/>) is perturbed as the framework's release.stability says
/// (<see cref="WeightDraws"/>), every assessed unit's stored indicator scores are re-aggregated with the framework's
/// own rules (<see cref="Reaggregation"/>), and each sample is ranked and graded as the release is: totals rounded to
/// the cohort's precision, the grade scale on the grade basis, ranks on the release's scale (see <see cref="Ranks"/>). Vetoed units are left out (a
/// veto is not a weight) and so are units not assessed. Before anything is published, re-aggregation at the nominal
/// weights must give back every published total and grade; if one does not, the analysis is withheld with the reason,
/// never published on a different footing. Pure and deterministic: the same sheets and seed give the same result,
/// whatever the number of threads.
/// </summary>
public static class RankStability
{
    public const string FromTotals = "本结果由总分表发布，没有各项指标得分，未作排名稳定性分析";
    public const string NotConfigured = "指标体系未设定排名稳定性分析（release.stability）";

    public static StabilityResults Compute(Framework framework, IReadOnlyList<CohortResults> cohorts, IReadOnlyDictionary<string, ScoreSheet> sheets)
    {
        if (framework.Stability is not { } settings)
        {
            return StabilityResults.None(NotConfigured);
        }

        if (sheets.Count == 0)
        {
            return StabilityResults.None(FromTotals);
        }

        var tree = new WeightTree(framework);
        var grades = GradeScale.Of(framework);
        var units = new Dictionary<string, Reaggregation>(StringComparer.Ordinal);
        var nominal = Enumerable.Repeat(1.0, tree.SlotCount).ToArray();
        var scratch = Reaggregation.Scratch(tree);
        foreach (var code in cohorts.SelectMany(c => c.Units).Where(Analysed).Select(u => u.Unit.Code).Distinct(StringComparer.Ordinal).Where(sheets.ContainsKey))
        {
            var sheet = sheets[code];
            if (sheet.FrameworkId != framework.Id || sheet.FrameworkVersion != framework.Version)
            {
                return StabilityResults.None($"{code}的评分表按{sheet.FrameworkId} {sheet.FrameworkVersion}评分，与发布所用的指标体系{framework.Id} {framework.Version}不一致，未作排名稳定性分析");
            }

            var unit = Reaggregation.From(tree, sheet, out var problem);
            unit?.Prepare(scratch);
            var (scaledTotal, scaledBasis) = unit?.Evaluate(nominal, scratch) ?? default;
            var (total, basis) = (Unscaled(scaledTotal, tree.FrameworkPrecision), Unscaled(scaledBasis, tree.FrameworkPrecision));
            if (unit is null || total != sheet.Total || (sheet.Grade is not null && grades.Bands.Count > 0 && grades.Grade(basis, vetoed: false) != sheet.Grade))
            {
                var why = problem ?? $"按原权重重新汇总得{total}分{(sheet.Grade is null ? "" : $"、{grades.Grade(basis, false)}")}，评分表为{sheet.Total}分{(sheet.Grade is null ? "" : $"、{sheet.Grade}")}";
                return StabilityResults.None($"{code}的评分表与指标体系{framework.Id} {framework.Version}不一致（{why}），未作排名稳定性分析");
            }

            units[code] = unit;
        }

        var draws = new WeightDraws(tree, settings);
        var results = new Dictionary<string, IReadOnlyDictionary<string, UnitStability>>(StringComparer.Ordinal);
        foreach (var cohort in cohorts)
        {
            var members = cohort.Units.Where(u => Analysed(u) && units.ContainsKey(u.Unit.Code)).ToList();
            results[cohort.Cohort.Id] = OfCohort(cohort.Cohort, members, units, sheets, draws, tree, grades, settings);
        }

        return new StabilityResults(settings, null, results);
    }

    private static bool Analysed(UnitResult unit) => unit.Assessed && !unit.Vetoed && unit.Total is not null;

    private static Dictionary<string, UnitStability> OfCohort(
        Cohort cohort,
        List<UnitResult> members,
        Dictionary<string, Reaggregation> units,
        IReadOnlyDictionary<string, ScoreSheet> sheets,
        WeightDraws draws,
        WeightTree tree,
        GradeScale grades,
        StabilitySettings settings)
    {
        var n = members.Count;
        var samples = draws.Samples;
        var totals = new long[n * samples];
        var bases = new long[n * samples];
        var graded = grades.Bands.Count > 0;
        var scale = Pow10(cohort.Precision);
        Parallel.For(0, n, () => Reaggregation.Scratch(tree), (u, _, scratch) =>
        {
            var unit = units[members[u].Unit.Code];
            unit.Prepare(scratch);
            for (var s = 0; s < samples; s++)
            {
                var (total, basis) = unit.Evaluate(draws.Sample(s), scratch);
                totals[(u * samples) + s] = Rescale(total, tree.FrameworkPrecision, cohort.Precision);
                bases[(u * samples) + s] = basis;
            }

            return scratch;
        }, _ => { });

        var ranked = cohort.Result == CohortResult.Ranked;
        var ranks = ranked ? Ranks(totals, members, scale, samples) : null;
        var result = new Dictionary<string, UnitStability>(StringComparer.Ordinal);
        for (var u = 0; u < n; u++)
        {
            var member = members[u];
            var own = totals.AsSpan(u * samples, samples);
            own.Sort();
            int? medianRank = null, rankLow = null, rankHigh = null;
            if (ranks is not null)
            {
                var rankSpan = ranks.AsSpan(u * samples, samples);
                rankSpan.Sort();
                (medianRank, rankLow, rankHigh) = (Percentile(rankSpan, 50), Percentile(rankSpan, settings.Low), Percentile(rankSpan, settings.High));
            }

            var grade = graded && sheets[member.Unit.Code].Grade is { } published
                ? Grade(published, bases.AsSpan(u * samples, samples), grades, settings, sheets[member.Unit.Code], tree)
                : null;
            result[member.Unit.Code] = new UnitStability(
                member.Rank,
                medianRank,
                rankLow,
                rankHigh,
                member.Total!.Value,
                Percentile(own, 50) / (decimal)scale,
                Percentile(own, settings.Low) / (decimal)scale,
                Percentile(own, settings.High) / (decimal)scale,
                grade);
        }

        return result;
    }

    private static GradeStability Grade(string published, Span<long> bases, GradeScale grades, StabilitySettings settings, ScoreSheet sheet, WeightTree tree)
    {
        // The published band's bounds in whole numbers of the framework's last decimal: basis ≥ min ⟺ scaled ≥ ⌈min × 10^p⌉.
        var index = grades.Bands.ToList().FindIndex(b => b.Name == published);
        var from = index < 0 ? long.MaxValue : grades.Bands[index].Min is { } min ? (long)Math.Ceiling(min * Pow10(tree.FrameworkPrecision)) : long.MinValue;
        var below = index > 0 && grades.Bands[index - 1].Min is { } next ? (long)Math.Ceiling(next * Pow10(tree.FrameworkPrecision)) : long.MaxValue;
        var same = 0;
        foreach (var basis in bases)
        {
            if (basis >= from && basis < below)
            {
                same++;
            }
        }

        bases.Sort();
        var (low, high) = (Unscaled(Percentile(bases, settings.Low), tree.FrameworkPrecision), Unscaled(Percentile(bases, settings.High), tree.FrameworkPrecision));
        var nominal = tree.GradeBasis == tree.Root ? sheet.Total : Rounding.Round(sheet.Node(tree.Nodes[tree.GradeBasis].Id)?.Earned ?? 0, tree.FrameworkPrecision);
        return new GradeStability(
            published,
            nominal,
            low,
            high,
            grades.Grade(low, vetoed: false) ?? "",
            grades.Grade(high, vetoed: false) ?? "",
            Math.Round((decimal)same / bases.Length, 3, MidpointRounding.AwayFromZero),
            tree.GradeBasis == tree.Root ? "总分" : tree.Nodes[tree.GradeBasis].Name,
            tree.FrameworkPrecision);
    }

    /// <summary>
    /// Each sample's rank of every unit on the published scale: its published (dense) rank moved by the net number of
    /// units that overtake it or that it overtakes, i.e. rank + (units with a higher total in the sample − units with
    /// a higher total as published), totals rounded to the cohort's precision. This is COINr's competition rank
    /// (ties.method = "min") shifted onto the release's dense numbering: counting the units above, not the distinct
    /// totals above, so two units tied above a unit that part ways under other weights do not move it, while a unit
    /// that falls behind the unit it was tied with does move. At the nominal weights every unit gets its published
    /// rank. One sample per task, each writing only its own column.
    /// </summary>
    private static int[] Ranks(long[] totals, List<UnitResult> members, long scale, int samples)
    {
        var n = members.Count;
        var published = members.Select(m => (long)(m.Total!.Value * scale)).ToArray();
        var sortedPublished = published.Order().ToArray();
        var nominalAbove = published.Select(t => n - UpperBound(sortedPublished, t)).ToArray();
        var ranks = new int[n * samples];
        Parallel.For(0, samples, () => (new long[n], new long[n]), (s, _, buffers) =>
        {
            var (column, values) = buffers;
            for (var u = 0; u < n; u++)
            {
                column[u] = totals[(u * samples) + s];
            }

            column.CopyTo(values, 0);
            Array.Sort(values);
            for (var u = 0; u < n; u++)
            {
                var above = n - UpperBound(values, column[u]);
                ranks[(u * samples) + s] = members[u].Rank!.Value + above - nominalAbove[u];
            }

            return buffers;
        }, _ => { });
        return ranks;
    }

    /// <summary>The index of the first value greater than <paramref name="value"/> in ascending values.</summary>
    private static int UpperBound(long[] ascending, long value)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (ascending[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Nearest-rank percentile of sorted values: the ⌈pN/100⌉-th smallest (the smallest for p = 0).</summary>
    internal static T Percentile<T>(ReadOnlySpan<T> sorted, int percent)
    {
        var position = ((percent * sorted.Length) + 99) / 100;
        return sorted[Math.Clamp(position - 1, 0, sorted.Length - 1)];
    }

    private static T Percentile<T>(Span<T> sorted, int percent) => Percentile((ReadOnlySpan<T>)sorted, percent);

    private static decimal Unscaled(long scaled, int decimals) => scaled / (decimal)Pow10(decimals);

    /// <summary>A total in whole numbers of one precision's last decimal, rounded half away from zero to another's.</summary>
    private static long Rescale(long scaled, int from, int to)
    {
        if (to >= from)
        {
            return scaled * Pow10(to - from);
        }

        var divisor = Pow10(from - to);
        var half = divisor / 2;
        return scaled >= 0 ? (scaled + half) / divisor : -((-scaled + half) / divisor);
    }

    private static long Pow10(int decimals)
    {
        var result = 1L;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10;
        }

        return result;
    }
}
