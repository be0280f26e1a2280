namespace GovEval.Collect.Crawling;

/// <summary>How far a running crawl is, for a progress display: the crawl updates it, any thread may read it.</summary>
public sealed class CrawlProgress
{
    private int done;
    private int found;

    /// <summary>Pages done (fetched or restored, robots-excluded ones included).</summary>
    public int Done => Volatile.Read(ref done);

    /// <summary>Pages found so far (done, in flight or queued), within the page cap.</summary>
    public int Found => Volatile.Read(ref found);

    internal void Report(int doneSoFar, int foundSoFar)
    {
        Volatile.Write(ref found, foundSoFar);
        Volatile.Write(ref done, doneSoFar);
    }
}
