using System.Security.Cryptography;
using GovEval.Collect.Fetching;
using GovEval.Collect.Warc;
using GovEval.Core.Observations;

namespace GovEval.Collect.Stored;

/// <summary>
/// Turns a stored observation back into what the checks read: each page's HTML reloaded from its WARC record (found
/// by offset, checked against the record id and the payload digest the evidence names) and decoded exactly as the
/// fetcher decoded it. An archive that does not match is refused: findings judged on other text than was collected
/// would be findings a unit could rightly contest.
/// </summary>
public static class ArchivedPages
{
    /// <param name="warcFolder">The WARC folder of the run named by <see cref="StoredObservation.CollectedIn"/>.</param>
    /// <param name="maxInflatedBytes">The fetcher's inflation limit (the one the pages were read under).</param>
    public static SiteObservation Load(StoredObservation stored, string warcFolder, long maxInflatedBytes, string source)
    {
        var pages = new List<PageObservation>(stored.Pages.Count);
        foreach (var page in stored.Pages)
        {
            var html = page.Html switch
            {
                StoredHtml.None => null,
                StoredHtml.Inline => page.Text ?? throw new InvalidDataException($"{source}: page {page.Url} is stored inline without its text"),
                _ => Reload(page, warcFolder, maxInflatedBytes, source),
            };
            if (html is not null && html.Length != page.Chars)
            {
                throw new InvalidDataException($"{source}: page {page.Url} reloads as {html.Length} characters, not the {page.Chars} the checks read when it was collected");
            }

            pages.Add(new PageObservation(page.Url, page.Outcome, page.Headers, html, page.Charset, page.Depth, page.Referrer, page.CapturedAt));
        }

        return new SiteObservation(stored.Homepage, stored.Now, pages, stored.Links, stored.Availability, stored.Search, stored.Transport, stored.MissingPageProbe, stored.NotMeasured);
    }

    private static string Reload(StoredPage page, string warcFolder, long maxInflatedBytes, string source)
    {
        var evidence = page.Outcome.Evidence ?? throw new InvalidDataException($"{source}: page {page.Url} is stored by WARC record but names none");
        var path = Path.Combine(warcFolder, evidence.Warc);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{source}: the WARC file {path} of page {page.Url} is missing");
        }

        WarcRecord? record;
        try
        {
            record = evidence.Offset is { } offset ? WarcReader.ReadAt(path, offset) : WarcReader.Find(path, evidence.Record);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new InvalidDataException($"{source}: the WARC record of page {page.Url} at {path}@{evidence.Offset} cannot be read ({e.Message})", e);
        }

        if (record is null || record.RecordId != evidence.Record)
        {
            throw new InvalidDataException($"{source}: {path}@{evidence.Offset} is not record {evidence.Record} of page {page.Url} (found {record?.RecordId ?? "nothing"})");
        }

        var payload = record.Payload;
        var digest = Convert.ToHexStringLower(SHA256.HashData(payload.Span));
        if (!string.Equals(digest, evidence.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: the payload of record {evidence.Record} ({path}) has sha256 {digest}, not the {evidence.Sha256} collected for page {page.Url}: the archive was altered");
        }

        try
        {
            return ResponseBody.HtmlOfReceived(payload, page.Headers, page.Outcome.ContentType, maxInflatedBytes)?.Html
                ?? throw new InvalidDataException($"{source}: page {page.Url} was read as HTML but its content type {page.Outcome.ContentType} is not HTML");
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: page {page.Url}: {e.Message}", e);
        }
    }
}
