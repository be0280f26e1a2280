using System.Diagnostics;
using System.Globalization;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Warc;
using GovEval.CrawlBench;

// Usage:
//   GovEval.CrawlBench generate DIR [PAGES]                       writes the static site
//   GovEval.CrawlBench crawl URL WARC-DIR [PARALLELISM] [MAX-PAGES] crawls it, politeness off, WARC on
//   GovEval.CrawlBench fetch URL [COUNT]                           the fetch path alone
//   GovEval.CrawlBench profile SITE-DIR                            a page's CPU by stage, single-threaded
// Each mode is its own method: the runtime compiles only the one that runs, and a crawl's start is part of its time.
return args switch
{
    [_, _, ..] when args[0] == "generate" => Generate(args),
    [_, _, _, ..] when args[0] == "crawl" => await CrawlAsync(args),
    [_, _, ..] when args[0] == "fetch" => await FetchAsync(args),
    [_, _, ..] when args[0] == "profile" => Profile(args),
    _ => Usage(),
};

static int Generate(string[] args)
{
    var pages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
    var (count, broken, bytes) = SiteGenerator.Write(args[1], pages);
    Console.WriteLine($"generated {count} pages ({bytes / 1024 / 1024} MiB), {broken} broken links");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: GovEval.CrawlBench generate DIR [PAGES] | crawl URL WARC-DIR [PARALLELISM] [MAX-PAGES] | fetch URL [COUNT] | profile SITE-DIR");
    return 2;
}

static async Task<int> CrawlAsync(string[] args)
{
    // As the CLI does (GovEval.Cli.JitProfile): what a crawl compiles is compiled on the spare core from the second run on.
    if (Environment.GetEnvironmentVariable("GOVEVAL_JIT_PROFILE") is { } jitProfile)
    {
        Directory.CreateDirectory(jitProfile);
        System.Runtime.ProfileOptimization.SetProfileRoot(jitProfile);
        System.Runtime.ProfileOptimization.StartProfile("crawlbench.jitprofile");
    }

    var parallelism = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 64;
    var maxPages = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100_000;
    using var warc = new WarcWriter(args[2], "bench");
    using var fetcher = new Fetcher(new FetchOptions
    {
        Politeness = false,
        Warc = Environment.GetEnvironmentVariable("GOVEVAL_BENCH_NOWARC") is null ? warc : null,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 1,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxConnectionsPerServer = parallelism,
    });
    var crawler = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions
    {
        MaxPages = maxPages,
        MaxDepth = 1000,
        Parallelism = parallelism,
        UseSitemap = false,
        KeepHtml = false,
    });
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var result = await crawler.CrawlAsync(args[1], DateTimeOffset.UtcNow);
    watch.Stop();
    var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Report(result, watch.Elapsed, cpuUsed, warc.Files.Count);
    return 0;
}

// Out of CrawlAsync: the method that awaits the crawl is compiled before the crawl starts, the report after it.
static void Report(CrawlResult result, TimeSpan elapsed, TimeSpan cpuUsed, int warcFiles)
{
    var ok = result.Pages.Count(p => p.Outcome.Status == GovEval.Core.Observations.FetchStatus.Ok);
    var faults = result.Links.Where(l => l.Outcome is { IsSiteFault: true }).Select(l => l.Target).Distinct().Count();
    var seconds = elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"goveval: pages={result.Pages.Count} ok={ok} links={result.Links.Count} broken-targets={faults} seconds={seconds:F2} pages/s={result.Pages.Count / seconds:F0} cpu-ms/page={cpuUsed.TotalMilliseconds / result.Pages.Count:F3} warc-files={warcFiles} gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} gc-pause-ms={GC.GetTotalPauseDuration().TotalMilliseconds:F0} allocated-mb={GC.GetTotalAllocatedBytes() / 1048576}"));
    foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background })
    {
        var info = GC.GetGCMemoryInfo(kind);
        if (info.Index > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  last {kind} gc: gen{info.Generation} pause-ms={info.PauseDurations[0].TotalMilliseconds:F0} promoted-mb={info.PromotedBytes / 1048576} heap-mb={info.HeapSizeBytes / 1048576} fragmented-mb={info.FragmentedBytes / 1048576} pinned={info.PinnedObjectsCount}"));
        }
    }
}

static async Task<int> FetchAsync(string[] args)
{
    // The fetch path alone (no parsing, no archive): GET every page with 64 in flight.
    var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
    using var fetcher = new Fetcher(new FetchOptions { Politeness = false, RespectRobots = false, MaxConnectionsPerServer = 64 });
    var raw = Environment.GetEnvironmentVariable("GOVEVAL_BENCH_RAW") is not null;
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (n, _) =>
    {
        var url = n == 0 ? args[1] : $"{args[1]}p/{n}.html";
        if (raw)
        {
            await client.GetByteArrayAsync(url);
        }
        else
        {
            await fetcher.GetAsync(url);
        }
    });
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fetch{(raw ? " (plain HttpClient)" : "")}: {count / watch.Elapsed.TotalSeconds:F0} pages/s, cpu-ms/page={used.TotalMilliseconds / count:F3}"));
    return 0;
}

static int Profile(string[] args)
{
    // Where a page's CPU goes, single-threaded: decoding, link extraction, resolution, archiving.
    var files = Directory.GetFiles(Path.Combine(args[1], "p")).Take(3000).Select(File.ReadAllBytes).ToList();
    var scope = new CrawlScope(new Uri("http://127.0.0.1:1/"), []);
    var resolver = new LinkResolver(scope);
    using var warc = new WarcWriter(Path.Combine(Path.GetTempPath(), "crawlbench-profile"), "profile");
    for (var round = 0; round < 8; round++)
    {
        var t = new double[4];
        var w = Stopwatch.StartNew();
        var htmls = new List<string>();
        foreach (var f in files)
        {
            var cs = CharsetDetector.Detect(f, "text/html; charset=utf-8");
            htmls.Add(CharsetDetector.Decode(f, cs));
        }

        t[0] = w.Elapsed.TotalMilliseconds; w.Restart();
        var extracted = htmls.Select(h => LinkExtractor.Extract(h, out _)).ToList();
        t[1] = w.Elapsed.TotalMilliseconds; w.Restart();
        foreach (var e in extracted)
        {
            resolver.Resolve(e, new Uri("http://127.0.0.1:1/p/1.html"), null);
        }

        t[2] = w.Elapsed.TotalMilliseconds; w.Restart();
        foreach (var f in files)
        {
            warc.WriteExchange("http://127.0.0.1:1/p/1.html", null, "GET /p/1.html HTTP/1.1\r\n\r\n"u8, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"u8, f, DateTimeOffset.UtcNow);
        }

        t[3] = w.Elapsed.TotalMilliseconds;
        w.Restart();
        var deflate = new FastDeflate();
        var compressed = new byte[1 << 20];
        long input = 0, output = 0;
        foreach (var f in files)
        {
            input += f.Length;
            output += deflate.Compress(f, compressed);
        }

        var deflateMs = w.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ms/page: decode {t[0] / files.Count:F3} extract {t[1] / files.Count:F3} resolve {t[2] / files.Count:F3} warc {t[3] / files.Count:F3} (deflate alone {deflateMs / files.Count:F3}, {deflateMs * 1e6 / input:F2} ns/byte, {100.0 * output / input:F0}%)"));
    }

    return 0;
}
