using System.Globalization;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Keeps the crawl out of endless URL spaces: calendars that link the next month forever, sort links that add a
/// query parameter each level, paths that repeat a segment, and too many query variants of one path. A trapped
/// URL is still recorded as a link (Skipped), only not crawled.
/// </summary>
public sealed class TrapDetector(CrawlOptions options, DateTimeOffset now)
{
    private readonly Dictionary<string, int> variants = new(StringComparer.Ordinal);

    /// <summary>
    /// Null when the URL may be crawled, otherwise why not. Counts query variants, so call once per new URL;
    /// <paramref name="countVariant"/> false leaves a list's pages (list.jsp?page=21) out of that count.
    /// </summary>
    public string? Check(Uri uri, Uri? referrer, bool countVariant = true)
    {
        if (uri.AbsoluteUri.Length > options.MaxUrlLength)
        {
            return $"URL longer than {options.MaxUrlLength} characters";
        }

        var path = uri.AbsolutePath.AsSpan();
        Span<Range> segments = options.MaxPathSegments < 64 ? stackalloc Range[options.MaxPathSegments + 1] : new Range[options.MaxPathSegments + 1];
        var count = 0;
        foreach (var range in path.Split('/'))
        {
            if (path[range].IsEmpty)
            {
                continue;
            }

            if (count == segments.Length - 1)
            {
                return $"more than {options.MaxPathSegments} path segments";
            }

            // Pages have a handful of segments: comparing with the earlier ones beats a dictionary per URL.
            var repeats = 1;
            for (var k = 0; k < count; k++)
            {
                if (path[segments[k]].SequenceEqual(path[range]) && ++repeats > options.MaxRepeatedSegment)
                {
                    return $"path repeats the segment '{path[range]}'";
                }
            }

            segments[count++] = range;
        }

        if (uri.Query.Length <= 1)
        {
            return null;
        }

        var parameters = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        if (parameters.Length > options.MaxQueryParameters)
        {
            return $"more than {options.MaxQueryParameters} query parameters";
        }

        if (referrer is not null && referrer.AbsolutePath == uri.AbsolutePath && referrer.Query.Length > 1)
        {
            var before = referrer.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Length;
            if (parameters.Length > before && before >= options.MaxQueryGrowth)
            {
                return "query grows a parameter each level";
            }
        }

        foreach (var parameter in parameters)
        {
            var value = Uri.UnescapeDataString(parameter[(parameter.IndexOf('=') + 1)..]);
            if (FarDate(value))
            {
                return "calendar link far from today";
            }
        }

        if (!countVariant)
        {
            return null;
        }

        var key = uri.GetLeftPart(UriPartial.Path);
        var seen = variants.GetValueOrDefault(key) + 1;
        variants[key] = seen;
        return seen > options.MaxQueryVariantsPerPath ? $"more than {options.MaxQueryVariantsPerPath} query variants of one path" : null;
    }

    // yyyy-MM, yyyy-MM-dd, yyyyMM, yyyyMMdd more than the calendar horizon away from today.
    private bool FarDate(string value)
    {
        string[] formats = ["yyyy-MM", "yyyy-MM-dd", "yyyyMM", "yyyyMMdd", "yyyy/MM", "yyyy/MM/dd"];
        if (value.Length is < 6 or > 10 || !DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        var months = Math.Abs((date.Year - now.Year) * 12 + date.Month - now.Month);
        return months > options.CalendarHorizonMonths;
    }
}
