using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Quality;

namespace GovEval.Sandbox.Sites;

/// <summary>
/// Which columns a site has and how each is dated: fresh, stale or blank as the site's intents ask, with the
/// homepage's blocks kept consistent with the columns they show, and which letters are answered late or never.
/// </summary>
public static class ColumnPlanner
{
    public static List<Column> Plan(long seed, SiteEntry site, DateOnly today, ref Rng rng, ListFamily family, DateStyle listDates, int pageSize)
    {
        var intents = site.Intents;
        var specs = new List<ColumnSpec>();
        specs.AddRange(ColumnCatalog.News(site));
        specs.AddRange(ColumnCatalog.Notices.Take(rng.Next(1, 3)));
        specs.AddRange(ColumnCatalog.Policies.Take(rng.Next(2, 4)));
        specs.Add(ColumnCatalog.Personnel);
        specs.Add(ColumnCatalog.Plans);
        specs.Add(ColumnCatalog.About);
        specs.AddRange(ColumnCatalog.Others.Take(rng.Next(1, 3)));
        specs.Add(ColumnCatalog.Others[2]);
        if (intents.Has(Intent.NoConsultation))
        {
            specs.AddRange(ColumnCatalog.Petitions);
        }
        else
        {
            specs.AddRange(ColumnCatalog.Consultations.Take(intents.Has(Intent.Unanswered) ? 2 : rng.Next(1, 3)));
            if (rng.Chance(0.3))
            {
                specs.Add(ColumnCatalog.Petitions[0]);
            }
        }

        specs.AddRange(ColumnCatalog.OtherInteraction);

        var onHomepage = new HashSet<string>(StringComparer.Ordinal) { specs[0].Slug, specs[1].Slug, "zwgk/tzgg", "zwgk/zcwj" };
        var periodic = specs.Where(s => s.Class.FreshSince(today) is not null).ToList();
        var coreNonHome = specs.Where(s => s.Class is ColumnClass.News or ColumnClass.Notice or ColumnClass.Policy && !onHomepage.Contains(s.Slug)).ToList();
        var coreHomeNotNews = specs.Where(s => s.Class is ColumnClass.Notice or ColumnClass.Policy && onHomepage.Contains(s.Slug)).ToList();

        var stale = new HashSet<string>(StringComparer.Ordinal);
        var blank = new HashSet<string>(StringComparer.Ordinal);
        var thin = new HashSet<string>(StringComparer.Ordinal);
        var homeOld = new HashSet<string>(StringComparer.Ordinal);
        if (intents.Has(Intent.HomepageStale))
        {
            // Nothing new on the homepage for 2 weeks: its news blocks are stale, its notice blocks merely quiet.
            stale.Add(specs[0].Slug);
            stale.Add(specs[1].Slug);
            homeOld.UnionWith(coreHomeNotNews.Select(s => s.Slug));
        }
        else if (intents.Has(Intent.HomepageThin))
        {
            thin.Add(specs[0].Slug);
            stale.Add(specs[1].Slug);
            homeOld.UnionWith(coreHomeNotNews.Select(s => s.Slug));
        }

        if (intents.Has(Intent.ColumnsStaleVeto))
        {
            if (rng.Chance(0.5))
            {
                var pool = rng.Sample(coreNonHome, coreNonHome.Count).Concat(rng.Sample(coreHomeNotNews, coreHomeNotNews.Count)).ToList();
                stale.UnionWith(pool.Take(rng.Next(5, 7)).Select(s => s.Slug));
            }
            else
            {
                var pool = periodic.Where(s => !onHomepage.Contains(s.Slug) && !stale.Contains(s.Slug)).ToList();
                blank.UnionWith(rng.Sample(pool, rng.Next(5, 7)).Select(s => s.Slug));
            }
        }

        if (intents.Has(Intent.StaleColumns))
        {
            var pool = periodic.Where(s => !onHomepage.Contains(s.Slug) && !stale.Contains(s.Slug) && !blank.Contains(s.Slug)).ToList();
            stale.UnionWith(rng.Sample(pool, rng.Next(1, 4)).Select(s => s.Slug));
        }

        if (intents.Has(Intent.BlankColumns))
        {
            var pool = periodic.Where(s => !onHomepage.Contains(s.Slug) && !stale.Contains(s.Slug) && !blank.Contains(s.Slug)).ToList();
            blank.UnionWith(rng.Sample(pool, rng.Next(1, 4)).Select(s => s.Slug));
        }

        var scripted = rng.Chance(0.15);
        var columns = new List<Column>();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var (count, latest, gap) = Shape(spec, ref rng, stale.Contains(spec.Slug), thin.Contains(spec.Slug), homeOld.Contains(spec.Slug));
            if (blank.Contains(spec.Slug))
            {
                count = 0;
            }

            var slow = new Dictionary<int, int>();
            var unanswered = new HashSet<int>();
            var column = new Column
            {
                Index = i,
                Slug = spec.Slug,
                Name = spec.Name,
                Class = spec.Class,
                Titles = spec.Titles,
                Consultation = spec.Consultation,
                Messages = spec.Messages,
                Count = count,
                LatestDays = latest,
                Gap = gap,
                PageSize = pageSize,
                Family = rng.Chance(0.8) ? family : (ListFamily)rng.Next(4),
                Dates = rng.Chance(0.85) ? listDates : rng.Pick(SiteModelBuilder.ListDateStyles),
                FilledByScript = scripted && count > 0 && !onHomepage.Contains(spec.Slug) && spec.Class is ColumnClass.News or ColumnClass.Other && rng.Chance(0.5),
                OnHomepage = onHomepage.Contains(spec.Slug),
                SlowReplies = slow,
                Unanswered = unanswered,
            };
            if (spec.Messages && count > 0)
            {
                var wantUnanswered = spec.Consultation ? intents.Has(Intent.Unanswered) : rng.Chance(0.5);
                var wantSlow = spec.Consultation ? intents.Has(Intent.SlowReply) && (i == specs.FindIndex(s => s.Consultation) || rng.Chance(0.5)) : rng.Chance(0.5);
                PlantReplies(seed, site.Index, column, ref rng, wantUnanswered, wantSlow, slow, unanswered);
            }

            columns.Add(column);
        }

        return columns;
    }

    /// <summary>(items, days since the newest, mean days between items) for a column of this class.</summary>
    private static (int Count, int Latest, double Gap) Shape(ColumnSpec spec, ref Rng rng, bool stale, bool thin, bool homeOld)
    {
        if (spec.Titles == TitleSource.AnnualReport)
        {
            return (rng.Next(4, 7), 0, 365);
        }

        return spec.Class switch
        {
            ColumnClass.News when thin => (rng.Next(30, 60), rng.Next(2, 5), rng.Next(11, 14)),
            ColumnClass.News when stale => (rng.Next(40, 120), rng.Next(21, 121), rng.Next(2, 6)),
            ColumnClass.News => (rng.Next(40, 140), rng.Next(0, 3), 0.7 + rng.NextDouble() * 1.1),
            ColumnClass.Notice or ColumnClass.Policy when stale => (rng.Next(10, 40), rng.Next(200, 500), rng.Next(15, 40)),
            ColumnClass.Notice or ColumnClass.Policy when homeOld => (rng.Next(15, 50), rng.Next(15, 100), rng.Next(5, 25)),
            ColumnClass.Notice => (rng.Next(20, 60), rng.Next(0, 30), rng.Next(3, 12)),
            ColumnClass.Policy => (rng.Next(15, 50), rng.Next(0, 60), rng.Next(5, 25)),
            ColumnClass.Personnel or ColumnClass.Plan when stale => (rng.Next(5, 20), rng.Next(400, 800), rng.Next(60, 120)),
            ColumnClass.Personnel => (rng.Next(8, 25), rng.Next(0, 150), rng.Next(20, 60)),
            ColumnClass.Plan => (rng.Next(5, 15), rng.Next(0, 200), rng.Next(60, 120)),
            ColumnClass.Static => (rng.Next(3, 6), rng.Next(300, 900), 100),
            ColumnClass.Other when stale => (rng.Next(5, 20), rng.Next(200, 400), rng.Next(20, 40)),
            ColumnClass.Other => (rng.Next(10, 30), rng.Next(0, 40), rng.Next(20, 40)),
            // Letters reach back at least 320 days, so there are letters old enough to be overdue or answered late.
            _ when spec.Messages && rng.Next(2, 6) is var gap => (Math.Max(rng.Next(30, 80), (320 + gap - 1) / gap), rng.Next(0, 4), gap),
            _ => (rng.Next(6, 20), rng.Next(0, 60), rng.Next(15, 40)),
        };
    }

    /// <summary>
    /// Unanswered: submitted 100–300 days ago (more than 3 months, within a year), never answered. Slow: answered
    /// 45–80 days after submission. Every other message is answered in 1–8 days, or is pending and under 9 days old.
    /// </summary>
    private static void PlantReplies(long seed, int siteIndex, Column column, ref Rng rng, bool unanswered, bool slow, Dictionary<int, int> slowSet, HashSet<int> unansweredSet)
    {
        // Letters 100–300 days old sit between these ordinals (offsets grow by Gap per letter, give or take one Gap);
        // drawing a few inside the range is far cheaper than dating every letter of the column.
        var first = Math.Max(0, (int)Math.Floor((100 - column.LatestDays) / column.Gap) - 1);
        var last = Math.Min(column.Count - 1, (int)Math.Ceiling((300 - column.LatestDays) / column.Gap));
        if (last < first)
        {
            return;
        }

        int? Draw(ref Rng r)
        {
            for (var attempt = 0; attempt < 32; attempt++)
            {
                var k = r.Next(first, last + 1);
                if (column.DayOffset(seed, siteIndex, k) is >= 100 and <= 300 && !unansweredSet.Contains(k) && !slowSet.ContainsKey(k))
                {
                    return k;
                }
            }

            return null;
        }

        for (var n = unanswered ? rng.Next(1, 3) : 0; n > 0; n--)
        {
            if (Draw(ref rng) is { } k)
            {
                unansweredSet.Add(k);
            }
        }

        for (var n = slow ? rng.Next(1, 3) : 0; n > 0; n--)
        {
            if (Draw(ref rng) is { } k)
            {
                slowSet[k] = rng.Next(45, 81);
            }
        }
    }
}
