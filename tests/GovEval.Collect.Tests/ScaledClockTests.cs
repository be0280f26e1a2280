using GovEval.Collect.Probes;

namespace GovEval.Collect.Tests;

/// <summary>A scaled clock's timers never fire before its own reading reaches their due time.</summary>
public sealed class ScaledClockTests
{
    [Fact]
    public void A_real_timer_that_fires_early_does_not_fire_the_scaled_one_early()
    {
        var real = new EarlyTimers(early: TimeSpan.FromMilliseconds(4));
        var start = new DateTimeOffset(2020, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var clock = new ScaledClock(3600, start, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        // The real timer fires at 996 ms, when the scaled clock reads 00:59:45.6: 14.4 scaled seconds early.
        real.Advance(TimeSpan.FromMilliseconds(996));
        Assert.Equal(0, fired);

        real.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(1, fired);
        Assert.True(clock.GetUtcNow() >= start.AddHours(1), $"{clock.GetUtcNow():O}");
    }

    /// <summary>A manual clock whose timers fire <c>early</c> before their due time, as a coarse system tick can.</summary>
    private sealed class EarlyTimers(TimeSpan early) : TimeProvider
    {
        private readonly List<Timer> timers = [];
        private long now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => now;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(now);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new Timer(this, callback, state);
            timer.Change(dueTime, period);
            timers.Add(timer);
            return timer;
        }

        public void Advance(TimeSpan by)
        {
            now += by.Ticks;
            foreach (var timer in timers.ToList())
            {
                if (timer.Due is { } due && due - early.Ticks <= now)
                {
                    timer.Due = null;
                    timer.Callback(timer.State);
                }
            }
        }

        private sealed class Timer(EarlyTimers owner, TimerCallback callback, object? state) : ITimer
        {
            public long? Due { get; set; }

            public TimerCallback Callback => callback;

            public object? State => state;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner.now + dueTime.Ticks;
                return true;
            }

            public void Dispose() => Due = null;

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
