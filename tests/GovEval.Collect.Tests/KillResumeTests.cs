using System.Diagnostics;
using GovEval.Collect.Crawling;
using GovEval.Collect.Tests.Support;
using GovEval.Sandbox.Quality;

namespace GovEval.Collect.Tests;

/// <summary>A crawl killed with SIGKILL half-way resumes from its journal and ends with the uninterrupted observation.</summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class KillResumeTests(LiveSandbox live)
{
    private const int Pages = 120;

    [Fact]
    public async Task A_crawl_killed_with_sigkill_resumes_to_the_same_observation()
    {
        var site = live.Sites(s => s.Broken.Count > 0 && !s.Faults.HasFlag(FaultKind.SlowResponse) && !s.Faults.HasFlag(FaultKind.SlowDrip)).Skip(2).First();
        var work = Path.Combine(Path.GetTempPath(), $"killresume-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var routes = Path.Combine(work, "routes.txt");
            var ca = Path.Combine(work, "ca.pem");
            await File.WriteAllLinesAsync(routes, live.Server.Routes());
            await File.WriteAllTextAsync(ca, live.Server.CertificateAuthorityPem);
            var journal = Path.Combine(work, "journal");
            string[] Args(string summary) => [site.SiteUrl, routes, ca, journal, Pages.ToString(System.Globalization.CultureInfo.InvariantCulture), LiveSandbox.Now.ToString("O"), summary];

            using (var first = Start(Args(Path.Combine(work, "killed.txt"))))
            {
                var deadline = Stopwatch.StartNew();
                while (JournalLines(journal) < 30 && !first.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(5);
                }

                Assert.False(first.HasExited, "the crawl ended before it could be killed");
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }

            Assert.False(File.Exists(Path.Combine(work, "killed.txt")));
            var journaled = JournalLines(journal);
            Assert.InRange(journaled, 30, Pages - 1);

            using (var second = Start(Args(Path.Combine(work, "resumed.txt"))))
            {
                await second.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
                Assert.True(second.ExitCode == 0, await second.StandardError.ReadToEndAsync());
            }

            var resumed = (await File.ReadAllLinesAsync(Path.Combine(work, "resumed.txt"))).ToList();
            var fetched = int.Parse(resumed[^1]["fetched ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(fetched < Pages, $"the resumed run fetched {fetched} pages again");

            using var fetcher = live.Fetcher();
            var whole = await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { MaxPages = Pages }).CrawlAsync(site.SiteUrl, LiveSandbox.Now);
            Assert.Equal(CrawlSummary.Lines(whole).ToList(), resumed.SkipLast(1).ToList());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int JournalLines(string directory)
    {
        if (!Directory.Exists(directory) || Directory.GetFiles(directory).FirstOrDefault() is not { } file)
        {
            return 0;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    private static Process Start(string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "GovEval.Collect.CrawlHost.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
