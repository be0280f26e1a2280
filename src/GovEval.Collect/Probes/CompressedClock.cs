namespace GovEval.Collect.Probes;

/// <summary>
/// Real time plus an offset that only moves forward: a monitoring window of days passes in seconds by jumping from
/// one visit's instant to the next, while everything between jumps (timeouts, rate limits, crawling) runs in real
/// time. For the demo and tests against the simulated web, which reads its availability schedule from the same clock.
/// </summary>
public sealed class CompressedClock(DateTimeOffset start) : TimeProvider
{
    private long offsetTicks = (start - DateTimeOffset.UtcNow).Ticks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves "now" to <paramref name="instant"/>; never backwards, so instants stay in order.</summary>
    public void JumpTo(DateTimeOffset instant)
    {
        var wanted = (instant - DateTimeOffset.UtcNow).Ticks;
        long current;
        while (wanted > (current = Interlocked.Read(ref offsetTicks)))
        {
            if (Interlocked.CompareExchange(ref offsetTicks, wanted, current) == current)
            {
                return;
            }
        }
    }
}
