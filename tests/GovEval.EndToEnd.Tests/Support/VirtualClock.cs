namespace GovEval.EndToEnd.Tests.Support;

/// <summary>
/// Real time plus an offset the test moves forward: the monitor jumps from one availability slot of the
/// simulated web to the next in milliseconds, while timeouts, rate limits and crawling run in real seconds.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly DateTimeOffset realStart = DateTimeOffset.UtcNow;
    private long offsetTicks = (start - DateTimeOffset.UtcNow).Ticks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves "now" to <paramref name="instant"/> (never backwards: the monitor only goes forward).</summary>
    public void JumpTo(DateTimeOffset instant)
    {
        var wanted = (instant - DateTimeOffset.UtcNow).Ticks;
        if (wanted > Interlocked.Read(ref offsetTicks))
        {
            Interlocked.Exchange(ref offsetTicks, wanted);
        }
    }

    public TimeSpan RealElapsed => DateTimeOffset.UtcNow - realStart;
}
