using System.Globalization;

namespace GovEval.Core.Observations;

/// <summary>
/// The time one site may take from the start of its collection to the end of its checks (<c>--site-budget</c> of
/// <c>check</c> and <c>collect</c>), so one hostile or endless site cannot hold a worker for good. Collectors and
/// checks stop at the deadline and keep what they have; what they did not reach is "not measured" with
/// <see cref="Reason"/>, never a fault of the site. Timed by a <see cref="TimeProvider"/>, so tests move the clock.
/// </summary>
public sealed class SiteBudget : IDisposable
{
    private readonly CancellationTokenSource deadline;

    public SiteBudget(TimeSpan limit, TimeProvider? clock = null)
    {
        Limit = limit;
        deadline = new CancellationTokenSource(limit, clock ?? TimeProvider.System);
    }

    /// <summary>A budget that never runs out (no deadline set).</summary>
    public static SiteBudget Unlimited => new(Timeout.InfiniteTimeSpan);

    public TimeSpan Limit { get; }

    /// <summary>Cancelled at the deadline.</summary>
    public CancellationToken Token => deadline.Token;

    public bool Exhausted => deadline.IsCancellationRequested;

    /// <summary>Why what was not reached is not measured, for reports (Chinese) with the option that raises the limit.</summary>
    public string Reason => $"单站时间预算（{Describe(Limit)}）已用尽，未完成的部分未测量；可用 --site-budget 放宽";

    /// <summary>True when <paramref name="cancel"/> is not the caller's own cancellation but this deadline.</summary>
    public bool Stopped(CancellationToken cancel) => Exhausted && !cancel.IsCancellationRequested;

    public void Dispose() => deadline.Dispose();

    private static string Describe(TimeSpan limit) =>
        limit.TotalMinutes >= 1 && limit.TotalMinutes % 1 == 0
            ? $"{limit.TotalMinutes.ToString(CultureInfo.InvariantCulture)} 分钟"
            : $"{limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} 秒";
}
