using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>A crawled page as journaled: the observation plus the links read from it, so a resume needs no re-parse.</summary>
public sealed record JournalPage(string Requested, PageObservation Page, ResolvedLink[] Links)
{
    /// <summary>Links of the page past <see cref="CrawlOptions.MaxLinksPerPage"/>: counted, not read.</summary>
    public int LinksDropped { get; init; }
}

/// <summary>
/// Append-only JSON-lines journal of one site's crawl. Each record is written through to the operating system at
/// once (a kill -9 of our process loses nothing written) and fsync'd at intervals (a machine crash loses at most
/// one interval). A torn last line is ignored on reading. Restoring it lets a rerun skip what was already done.
/// </summary>
public sealed class CrawlJournal : IDisposable
{
    private readonly object gate = new();
    private readonly FileStream stream;
    private readonly TimeSpan syncInterval;
    private long lastSync = Stopwatch.GetTimestamp();

    private CrawlJournal(string path, TimeSpan syncInterval)
    {
        Path = path;
        this.syncInterval = syncInterval;
        Read(path);
        stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1);
        if (stream.Position > 0 && !EndsWithNewline(path))
        {
            // A kill mid-write left a torn line: end it so the next record starts clean.
            stream.WriteByte((byte)'\n');
            stream.Flush(true);
        }
    }

    public string Path { get; }

    public Dictionary<string, JournalPage> Pages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FetchOutcome> Links { get; } = new(StringComparer.Ordinal);

    public List<string>? Sitemap { get; private set; }

    /// <summary>Opens (and reads) the journal of the site whose homepage is given, in <paramref name="directory"/>.</summary>
    public static CrawlJournal Open(string directory, string homepage, TimeSpan syncInterval)
    {
        Directory.CreateDirectory(directory);
        return new CrawlJournal(PathFor(directory, homepage), syncInterval);
    }

    /// <summary>Deletes the journal of a site's crawl, if there is one (its folder too may be gone): what it led to is stored.</summary>
    public static void Delete(string directory, string homepage)
    {
        var path = PathFor(directory, homepage);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>The journal file of a site's crawl.</summary>
    public static string PathFor(string directory, string homepage)
    {
        var host = Uri.TryCreate(homepage, UriKind.Absolute, out var uri) ? uri.Host : "site";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(homepage)))[..12];
        return System.IO.Path.Combine(directory, $"{host}-{hash}.jsonl");
    }

    public void AppendPage(JournalPage page) => Append(new Entry { Kind = "page", Page = page });

    public void AppendLink(string url, FetchOutcome outcome) => Append(new Entry { Kind = "link", Url = url, Outcome = outcome });

    public void AppendSitemap(IReadOnlyList<string> urls) => Append(new Entry { Kind = "sitemap", Urls = urls.ToList() });

    public void Dispose()
    {
        lock (gate)
        {
            stream.Flush(true);
            stream.Dispose();
        }
    }

    private void Append(Entry entry)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(entry, CollectJson.Default.Entry);
        lock (gate)
        {
            stream.Write(line);
            stream.WriteByte((byte)'\n');
            stream.Flush(false);
            if (Stopwatch.GetElapsedTime(lastSync) >= syncInterval)
            {
                stream.Flush(true);
                lastSync = Stopwatch.GetTimestamp();
            }
        }
    }

    private static bool EndsWithNewline(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length == 0)
        {
            return true;
        }

        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() == '\n';
    }

    private void Read(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        foreach (var line in File.ReadLines(path))
        {
            Entry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, CollectJson.Default.Entry);
            }
            catch (JsonException)
            {
                continue;
            }

            switch (entry)
            {
                case { Kind: "page", Page: { } page }:
                    Pages[page.Requested] = page;
                    break;
                case { Kind: "link", Url: { } url, Outcome: { } outcome }:
                    Links[url] = outcome;
                    break;
                case { Kind: "sitemap", Urls: { } urls }:
                    Sitemap = urls;
                    break;
            }
        }
    }

    internal sealed class Entry
    {
        public string Kind { get; set; } = "";

        public JournalPage? Page { get; set; }

        public string? Url { get; set; }

        public FetchOutcome? Outcome { get; set; }

        public List<string>? Urls { get; set; }
    }
}
