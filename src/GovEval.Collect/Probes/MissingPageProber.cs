using System.Security.Cryptography;
using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>Asks for a page that cannot exist and records what the site answers (404, a soft 200, a redirect home).</summary>
public sealed class MissingPageProber(Fetcher fetcher)
{
    public async Task<FetchOutcome> ProbeAsync(string homepage, CancellationToken cancel = default)
    {
        var path = $"/goveval-404-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.html";
        var url = new Uri(new Uri(homepage), path).AbsoluteUri;
        var result = await fetcher.FetchAsync(url, new FetchRequest { CheckRobots = false, MaxRetries = 1 }, cancel).ConfigureAwait(false);
        return result.Outcome;
    }
}
