using GovEval.Sandbox.Determinism;

namespace GovEval.Sandbox.Quality;

/// <summary>
/// Hands out tiers, defect intents and faults to a population by quota rather than by coin flips, so even a
/// 100-site population holds every rule enough times to measure a check (issue 3: at least 20 each), and
/// the mix is the same shape whatever the seed.
/// </summary>
public static class QualityPlan
{
    private const double CleanShare = 0.10;
    private const double FewShare = 0.30;
    private const double ManyShare = 0.22;

    /// <summary>A site of the "few defects" tier gets at most this many kinds of defect.</summary>
    private const int FewLimit = 2;

    /// <summary>(intent, share of all sites, tiers allowed, intents it excludes on the same site).</summary>
    private static readonly (Intent Intent, double Share, QualityTier[] Tiers, Intent Excludes)[] Quotas =
    [
        (Intent.Unreachable, 0.22, [QualityTier.Veto], Intent.None),
        (Intent.HomepageStale, 0.22, [QualityTier.Veto], Intent.None),
        (Intent.ColumnsStaleVeto, 0.22, [QualityTier.Veto], Intent.None),
        (Intent.NoConsultation, 0.22, [QualityTier.Veto], Intent.Unanswered | Intent.SlowReply),
        (Intent.Unanswered, 0.13, [QualityTier.Veto], Intent.NoConsultation),
        (Intent.NoServices, 0.10, [QualityTier.Veto], Intent.GuideElements | Intent.SystemDown | Intent.BrokenDownloads),
        (Intent.GuideElements, 0.13, [QualityTier.Veto], Intent.NoServices),
        (Intent.SeriousError, 0.22, [QualityTier.Veto], Intent.None),
        (Intent.AvailabilityMinor, 0.06, [QualityTier.Few, QualityTier.Many], Intent.Unreachable),
        (Intent.HomepageThin, 0.06, [QualityTier.Few, QualityTier.Many], Intent.HomepageStale),
        (Intent.StaleColumns, 0.20, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.ColumnsStaleVeto),
        (Intent.BlankColumns, 0.12, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.ColumnsStaleVeto),
        (Intent.SlowReply, 0.20, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.NoConsultation),
        (Intent.BrokenHomepageLinks, 0.25, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.BrokenLinks, 0.30, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.BrokenDownloads, 0.20, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.NoServices),
        (Intent.SystemDown, 0.20, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.NoServices),
        (Intent.NoSearch, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.SearchStale),
        (Intent.SearchStale, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.NoSearch),
        (Intent.SiteIdCode, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.Footer, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.Domain, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.Https, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.MixedContent),
        (Intent.Headers, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.Ipv6, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.Soft404, 0.22, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.PageTags, 0.15, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.MixedContent, 0.15, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.Https),
        (Intent.Typo, 0.20, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.Sensitive, 0.12, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
        (Intent.Pii, 0.15, [QualityTier.Few, QualityTier.Many, QualityTier.Veto], Intent.None),
    ];

    private const double FaultShare = 0.08;

    public static (QualityTier[] Tiers, Intent[] Intents, FaultKind[] Faults) Assign(long seed, int count)
    {
        var tiers = new QualityTier[count];
        var order = Rng.For(seed, "tiers").Permutation(count);
        for (var rank = 0; rank < count; rank++)
        {
            var share = (rank + 0.5) / count;
            tiers[order[rank]] = share < CleanShare ? QualityTier.Clean
                : share < CleanShare + FewShare ? QualityTier.Few
                : share < CleanShare + FewShare + ManyShare ? QualityTier.Many
                : QualityTier.Veto;
        }

        var intents = new Intent[count];
        foreach (var (intent, share, allowed, excludes) in Quotas)
        {
            var quota = (int)Math.Ceiling(share * count);
            var rng = Rng.For(seed, "quota", (long)intent);
            // Sites with fewer intents so far go first, so defects spread instead of piling on a few sites.
            var candidates = rng.Permutation(count)
                .Where(i => allowed.Contains(tiers[i]) && (intents[i] & excludes) == 0
                    && (tiers[i] != QualityTier.Few || System.Numerics.BitOperations.PopCount((ulong)intents[i]) < FewLimit))
                .OrderBy(i => System.Numerics.BitOperations.PopCount((ulong)intents[i]) / 3)
                .Take(quota);
            foreach (var i in candidates)
            {
                intents[i] |= intent;
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (tiers[i] == QualityTier.Veto && (intents[i] & Intents.Vetoes) == 0)
            {
                intents[i] |= Intent.SeriousError;
            }
        }

        var faults = new FaultKind[count];
        foreach (var fault in FaultKinds.All)
        {
            var quota = (int)Math.Ceiling(FaultShare * count);
            foreach (var i in Rng.For(seed, "fault", (long)fault).Permutation(count).Take(quota))
            {
                faults[i] |= fault;
            }
        }

        return (tiers, intents, faults);
    }
}
