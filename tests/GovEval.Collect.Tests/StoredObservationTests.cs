using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Collect.Stored;
using GovEval.Collect.Tests.Support;
using GovEval.Collect.Warc;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;

namespace GovEval.Collect.Tests;

/// <summary>
/// A unit's observations stored without page text and loaded back from the WARC records: the checks must read the
/// very text they read at collection, whatever the page's charset or Content-Encoding, and an archive that is not
/// what was collected is refused, never judged.
/// </summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class StoredObservationTests(LiveSandbox live)
{
    [Fact]
    public async Task Pages_reload_from_their_warc_records_as_the_text_the_checks_read_in_every_charset()
    {
        using var folder = new TempFolder();
        var warcFolder = Path.Combine(folder.Path, "warc");
        // One site of each way a charset is declared (GBK undeclared, a BOM over a header, gb2312 for GBK…).
        var sites = live.Sites(s => !s.Faults.HasFlag(FaultKind.SlowResponse) && !s.Faults.HasFlag(FaultKind.SlowDrip))
            .GroupBy(s => s.Declaration)
            .Select(g => g.First())
            .ToList();
        Assert.True(sites.Count >= 4, $"only {sites.Count} charset declarations in the sandbox");
        var collected = new List<(string Unit, SiteObservation Observation)>();
        using (var warc = new WarcWriter(warcFolder))
        using (var fetcher = live.Fetcher(o => o with { Politeness = false, Warc = warc }))
        using (var collector = new SiteCollector(fetcher))
        {
            foreach (var site in sites)
            {
                var observation = await collector.CollectAsync(site.SiteUrl, LiveSandbox.Now, new CollectOptions
                {
                    Crawl = new() { MaxPages = 25 },
                    ShortSample = new SamplerOptions { Visits = 1, Interval = TimeSpan.FromMilliseconds(10), FailAfter = TimeSpan.FromSeconds(2) },
                    Ipv6Routes = ConnectToRules.Parse(live.Server.Ipv6Routes()),
                });
                var unit = "U" + collected.Count;
                ObservationFile.Write(Path.Combine(folder.Path, "observations"), unit, "run1", observation);
                collected.Add((unit, observation));
            }
        }

        foreach (var (unit, observation) in collected)
        {
            var path = ObservationFile.PathFor(Path.Combine(folder.Path, "observations"), unit);
            var stored = ObservationFile.Read(path);
            Assert.Equal("run1", stored.CollectedIn);
            Assert.All(stored.Pages, p => Assert.Null(p.Text));
            var loaded = ArchivedPages.Load(stored, warcFolder, new FetchOptions().MaxInflatedBytes, path);

            Assert.Equal(observation.Pages.Count, loaded.Pages.Count);
            Assert.Contains(observation.Pages, p => p.Html is { Length: > 0 });
            for (var i = 0; i < observation.Pages.Count; i++)
            {
                Assert.Equal(observation.Pages[i].Html, loaded.Pages[i].Html);
                Assert.Equal(observation.Pages[i].Charset, loaded.Pages[i].Charset);
            }

            // Records holding lists compare their lists by reference: compared as the JSON they are, with the text left out.
            Assert.Equal(Json(observation with { Pages = [.. observation.Pages.Select(p => p with { Html = null })] }), Json(loaded with { Pages = [.. loaded.Pages.Select(p => p with { Html = null })] }));
        }

        Assert.Contains(collected, c => c.Observation.Pages.Any(p => p.Charset is { } charset && charset.StartsWith("gb", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void A_page_whose_record_is_elsewhere_or_altered_is_refused_naming_the_page()
    {
        using var folder = new TempFolder();
        var warcFolder = Path.Combine(folder.Path, "warc");
        Evidence first, second;
        var body = "<html><head><meta charset=\"utf-8\"></head><body>政务公开</body></html>"u8.ToArray();
        using (var warc = new WarcWriter(warcFolder))
        {
            first = warc.WriteExchange("http://www.a.gov.cn/", null, "GET / HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"u8, body, LiveSandbox.Now);
            second = warc.WriteExchange("http://www.a.gov.cn/b.html", null, "GET /b.html HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"u8, "<p>其他</p>"u8, LiveSandbox.Now);
        }

        Assert.NotNull(first.Offset);
        var page = Page(first, "政务公开".Length + body.Length - "政务公开"u8.Length);
        var html = Load(page, warcFolder);
        Assert.Contains("政务公开", html);

        // Offset of another record: the id does not match.
        var moved = Assert.Throws<InvalidDataException>(() => Load(Page(first with { Offset = second.Offset }, page.Chars), warcFolder));
        Assert.Contains("is not record", moved.Message);
        Assert.Contains("http://www.a.gov.cn/", moved.Message);

        // The digest the evidence names is not the payload's: the archive is not what was read.
        var altered = Assert.Throws<InvalidDataException>(() => Load(Page(first with { Sha256 = new string('0', 64) }, page.Chars), warcFolder));
        Assert.Contains("altered", altered.Message);

        // Text of another length than the checks read.
        Assert.Contains("characters", Assert.Throws<InvalidDataException>(() => Load(Page(first, page.Chars + 1), warcFolder)).Message);

        File.Delete(Path.Combine(warcFolder, first.Warc));
        Assert.Contains("is missing", Assert.Throws<InvalidDataException>(() => Load(page, warcFolder)).Message);
    }

    [Fact]
    public void A_file_of_another_format_or_a_newer_version_is_refused()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "X.json.gz");
        File.WriteAllBytes(path, "not gzip"u8.ToArray());
        Assert.Contains("not a stored observation file", Assert.Throws<InvalidDataException>(() => ObservationFile.Read(path)).Message);

        var observation = new SiteObservation("http://www.a.gov.cn/", LiveSandbox.Now, [], [], [], null, null, null, []);
        ObservationFile.Write(folder.Path, "X", "run1", observation);
        Assert.Equal("http://www.a.gov.cn/", ObservationFile.Read(path).Homepage);
        var text = Gunzip(path).Replace("\"version\":1", "\"version\":99", StringComparison.Ordinal);
        Gzip(path, text);
        Assert.Contains("version 99", Assert.Throws<InvalidDataException>(() => ObservationFile.Read(path)).Message);
        Assert.Throws<ArgumentException>(() => ObservationFile.PathFor(folder.Path, "../escape"));
    }

    private static string Json(SiteObservation observation) => System.Text.Json.JsonSerializer.Serialize(observation);

    private static StoredPage Page(Evidence evidence, int chars)
    {
        var outcome = new FetchOutcome("http://www.a.gov.cn/", FetchStatus.Ok, 200, "http://www.a.gov.cn/", [], "text/html", 10, TimeSpan.Zero, null, evidence);
        return new StoredPage("http://www.a.gov.cn/", outcome, new Dictionary<string, string>(), "utf-8", 0, null, LiveSandbox.Now, StoredHtml.Warc, chars, null);
    }

    private static string Load(StoredPage page, string warcFolder)
    {
        var stored = new StoredObservation(StoredObservation.FormatName, 1, "X", "run1", page.Url, LiveSandbox.Now, [page], [], [], null, null, null, []);
        return ArchivedPages.Load(stored, warcFolder, 1 << 20, "X.json.gz").Pages[0].Html!;
    }

    private static string Gunzip(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    private static void Gzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
