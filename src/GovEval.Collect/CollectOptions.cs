using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;

namespace GovEval.Collect;

/// <summary>What <see cref="SiteCollector.CollectAsync"/> does for one site. Every probe can be switched off.</summary>
public sealed class CollectOptions
{
    public CrawlOptions Crawl { get; init; } = new();

    /// <summary>
    /// The short availability sample taken when the monitor's log has nothing for the site (usually
    /// <see cref="SamplerOptions.Short"/> with the framework's homepage timeout).
    /// </summary>
    public required SamplerOptions ShortSample { get; init; }

    /// <summary>The monitor's log (goveval monitor); when it holds samples of the site they are used instead of a short sample.</summary>
    public SampleLog? SampleLog { get; init; }

    /// <summary>IPv6 routes (HOST:80:[::1]:P): a rule stands for an AAAA record. Null: real DNS.</summary>
    public ConnectToRules? Ipv6Routes { get; init; }

    public bool Availability { get; init; } = true;

    public bool Search { get; init; } = true;

    public bool Transport { get; init; } = true;

    public bool MissingPage { get; init; } = true;
}
