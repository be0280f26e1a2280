using GovEval.Collect.Probes;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

public sealed class SampleLogTests
{
    private static AvailabilitySample Sample(int minute, FetchStatus status) => new(
        new DateTimeOffset(2020, 11, 30, 9, minute, 0, TimeSpan.Zero),
        new FetchOutcome("http://www.gd.gov.cn/", status, status == FetchStatus.Ok ? 200 : null, null, [], null, null, TimeSpan.FromSeconds(1), null, null));

    [Fact]
    public void Samples_are_kept_per_site_across_schemes_and_reread_when_the_log_grows()
    {
        var log = new SampleLog(Path.Combine(Path.GetTempPath(), $"samples-{Guid.NewGuid():N}.jsonl"));
        try
        {
            log.Append("http://www.gd.gov.cn/", Sample(2, FetchStatus.Ok));
            log.Append("http://www.gd.gov.cn/", Sample(1, FetchStatus.Timeout));
            log.Append("http://www.gx.gov.cn/", Sample(1, FetchStatus.Ok));
            var gd = log.Read("https://www.gd.gov.cn/index.html");
            Assert.Equal(2, gd.Count);
            Assert.Equal(FetchStatus.Timeout, gd[0].Outcome.Status);
            Assert.True(gd[0].Outcome.IsSiteFault);

            File.AppendAllText(log.Path, "{torn");
            log.Append("http://www.gd.gov.cn/", Sample(3, FetchStatus.Ok));
            Assert.Equal(3, log.Read("http://www.gd.gov.cn/").Count);
            Assert.Single(log.Read("http://www.gx.gov.cn/"));
            Assert.Empty(log.Read("http://www.hn.gov.cn/"));
        }
        finally
        {
            File.Delete(log.Path);
        }
    }
}
