namespace GovEval.Sandbox.Tests.Support;

/// <summary>A clock tests set by hand (the availability schedule and rate limits read it).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
