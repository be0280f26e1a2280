using GovEval.Core.Results;

namespace GovEval.Publish.Csv;

/// <summary>
/// results.csv (one row per unit and cohort, in publication order, column names as in results.json) and, when
/// the release has score sheets, score-details.csv (every indicator line of every unit with its evidence).
/// </summary>
public static class ResultsCsv
{
    public const string ResultsFile = "results.csv";
    public const string DetailsFile = "score-details.csv";

    public static IReadOnlyList<string> Write(Release release, string directory)
    {
        var lookup = new ReleaseLookup(release);
        var written = new List<string> { WriteResults(release, lookup, Path.Combine(directory, ResultsFile)) };
        if (release.Sheets.Count > 0)
        {
            written.Add(WriteDetails(lookup, Path.Combine(directory, DetailsFile)));
        }

        return written;
    }

    private static string WriteResults(Release release, ReleaseLookup lookup, string path)
    {
        using var csv = new CsvText(path);
        // Stability and change columns are always there (empty when the release has no analysis or no comparison),
        // so a spreadsheet or script reading results.csv finds the same columns in every release.
        csv.Row([
            "cohort", "cohort_name", "rank", "code", "name", "short", "total", "grade", "grade_label", "vetoed", "assessed", "previous_rank",
            "rank_median", "rank_low", "rank_high", "total_median", "total_low", "total_high", "grade_robust", "total_change",
        ]);
        foreach (var cohort in release.Cohorts)
        {
            foreach (var unit in cohort.Units)
            {
                var change = lookup.RankChange(cohort.Cohort.Id, unit.Unit.Code);
                var stability = release.Stability.Computed ? lookup.Stability(cohort.Cohort.Id, unit.Unit.Code) : null;
                var moved = lookup.Change(unit.Unit.Code);
                var precision = cohort.Cohort.Precision;
                csv.Row([
                    cohort.Cohort.Id,
                    cohort.Cohort.Name,
                    unit.Rank is { } rank ? new CsvText.Number(rank.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
                    unit.Unit.Code,
                    unit.Unit.Name,
                    unit.Unit.Short,
                    unit.Total is { } total ? new CsvText.Number(Numbers.Fixed(total, cohort.Cohort.Precision)) : null,
                    unit.Grade,
                    unit.Grade is null ? null : lookup.GradeLabel(unit.Grade),
                    unit.Vetoed ? "true" : "false",
                    unit.Assessed ? "true" : "false",
                    change?.Before is { } before ? new CsvText.Number(before.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
                    Whole(stability?.MedianRank),
                    Whole(stability?.RankLow),
                    Whole(stability?.RankHigh),
                    stability is null ? null : new CsvText.Number(Numbers.Fixed(stability.MedianTotal, precision)),
                    stability is null ? null : new CsvText.Number(Numbers.Fixed(stability.TotalLow, precision)),
                    stability is null ? null : new CsvText.Number(Numbers.Fixed(stability.TotalHigh, precision)),
                    stability?.Grade is { } grade ? (grade.Robust ? "true" : "false") : null,
                    moved is null ? null : new CsvText.Number(Numbers.Fixed(moved.Delta, precision)),
                ]);
            }
        }

        return path;
    }

    private static CsvText.Number? Whole(int? value) => value is { } v ? new CsvText.Number(v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

    private static string WriteDetails(ReleaseLookup lookup, string path)
    {
        using var csv = new CsvText(path);
        csv.Row(ScoreDetailRows.Header);
        foreach (var row in ScoreDetailRows.Of(lookup))
        {
            var e = row.Evidence;
            csv.Row([
                row.Sheet.UnitCode,
                row.UnitName,
                row.Node.Id,
                row.Node.Name,
                new CsvText.Number(row.Depth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                StatusNames.Of(row.Node.Status),
                new CsvText.Number(Numbers.Points(row.Node.Max)),
                new CsvText.Number(Numbers.Points(row.Node.Earned)),
                row.Line?.Text,
                row.Line is { } line ? new CsvText.Number(Numbers.Points(line.Points)) : null,
                e?.Kind, e?.Rule, e?.Url, e?.Page, e?.Warc, e?.Record, e?.Sha256, Numbers.Time(e?.CapturedAt), e?.Source, e?.Assessor, e?.Value,
            ]);
        }

        return path;
    }
}
