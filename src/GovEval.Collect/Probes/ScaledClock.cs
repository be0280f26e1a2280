namespace GovEval.Collect.Probes;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than real time from <see cref="Start"/>: at 1000 a week-long
/// monitoring window passes in about ten minutes, with every visit scheduled and stamped at its instant of the
/// window. Timers fire after their due time divided by the scale. Only a monitor's schedule and timestamps belong on
/// it: the fetcher keeps the real clock (timeouts, the 15 s rule, certificate validity), so a visit takes the time it
/// really takes. <see cref="TimeProvider.GetTimestamp"/> stays real, so elapsed times measured on it are real.
/// </summary>
public sealed class ScaledClock : TimeProvider
{
    private readonly TimeProvider real;
    private readonly long startTimestamp;

    /// <param name="scale">How much faster than real time (1 = real time).</param>
    /// <param name="start">The clock's reading now; default: the real time now.</param>
    /// <param name="real">The underlying clock (the system's unless a test gives another).</param>
    public ScaledClock(double scale, DateTimeOffset? start = null, TimeProvider? real = null)
    {
        if (!(scale >= 1) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "a scaled clock runs at least as fast as real time");
        }

        this.real = real ?? System;
        Scale = scale;
        startTimestamp = this.real.GetTimestamp();
        Start = start ?? this.real.GetUtcNow();
    }

    public double Scale { get; }

    /// <summary>The clock's reading when it was created.</summary>
    public DateTimeOffset Start { get; }

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => Start + real.GetElapsedTime(startTimestamp) * Scale;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, callback, state, dueTime, period);

    /// <summary>The real time that passes while this clock moves by <paramref name="span"/>.</summary>
    public TimeSpan ToReal(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / Scale)));

    /// <summary>
    /// A real timer running for the scaled due time. The real timer counts on a coarse tick and can fire a few
    /// milliseconds early, which the scale turns into seconds: a one-shot timer (Task.Delay) that fires before its
    /// scaled due time waits out the rest, so a monitor visit is never stamped in the slot before its own.
    /// </summary>
    private sealed class ScaledTimer : ITimer
    {
        private readonly ScaledClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private readonly ITimer inner;

        // Scaled due time of a one-shot timer, in UTC ticks; long.MinValue for a periodic or stopped one.
        private long due = long.MinValue;

        public ScaledTimer(ScaledClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            this.clock = clock;
            this.callback = callback;
            this.state = state;
            inner = clock.real.CreateTimer(static timer => ((ScaledTimer)timer!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var oneShot = period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan;
            Volatile.Write(ref due, oneShot ? (clock.GetUtcNow() + (dueTime > TimeSpan.Zero ? dueTime : TimeSpan.Zero)).UtcTicks : long.MinValue);
            return inner.Change(clock.ToReal(dueTime), clock.ToReal(period));
        }

        private void Fire()
        {
            var dueTicks = Volatile.Read(ref due);
            if (dueTicks != long.MinValue)
            {
                var left = TimeSpan.FromTicks(dueTicks - clock.GetUtcNow().UtcTicks);
                if (left > TimeSpan.Zero)
                {
                    inner.Change(clock.ToReal(left), Timeout.InfiniteTimeSpan);
                    return;
                }
            }

            callback(state);
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
