using System.Globalization;
using GovEval.Collect.Crawling;
using GovEval.Core.Observations;
using GovEval.Core.Tables;

namespace GovEval.LinkCheck;

/// <summary>
/// The links of a crawl as CSV (RFC 4180), one row per link on a page: where it is, where it points, what the
/// fetch found and, when archived, the WARC record that proves it. Texts and addresses come from the crawled site,
/// so every field is guarded against spreadsheet formulas as the release's CSV is (<see cref="CsvField"/>).
/// </summary>
public static class LinkCsv
{
    public const string Header = "page,target,source,text,internal,status,http_status,site_fault,error,warc_file,warc_record,sha256,captured_at";

    /// <summary>Writes the header and the rows (only the site's faults unless <paramref name="all"/>); returns the row count.</summary>
    public static int Write(TextWriter output, CrawlResult result, bool all)
    {
        output.WriteLine(Header);
        var rows = 0;
        foreach (var link in result.Links)
        {
            if (!all && link.Outcome is not { IsSiteFault: true })
            {
                continue;
            }

            output.WriteLine(Row(link));
            rows++;
        }

        return rows;
    }

    public static string Row(LinkObservation link)
    {
        var outcome = link.Outcome;
        var evidence = outcome?.Evidence;
        string?[] fields =
        [
            link.Page,
            link.Target,
            link.Source.ToString().ToLowerInvariant(),
            link.Text,
            link.Internal ? "yes" : "no",
            outcome is null ? "not-checked" : outcome.Status.ToString(),
            outcome?.HttpStatus?.ToString(CultureInfo.InvariantCulture),
            outcome is null ? "" : outcome.IsSiteFault ? "yes" : "no",
            outcome?.Error,
            evidence?.Warc,
            evidence?.Record,
            evidence?.Sha256,
            evidence?.CapturedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        ];
        return string.Join(',', fields.Select(CsvField.Text));
    }
}
