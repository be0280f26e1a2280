using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GovEval.Checks;
using GovEval.Checks.Availability;
using GovEval.Cli.Collection;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using Spectre.Console;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval monitor</c>: the availability monitor — every homepage visited as often and as long as the framework's
/// checks block says (the national check: 20 times a day for a week, a visit failing when the page is not open after
/// 15 s). Samples go to a log file (<c>check --monitor-log</c>) or into a run (<c>collect --run</c> uses them; the run's
/// framework sets the window). Killed and restarted, it takes only the visits still missing. Its summary counts the
/// window with <see cref="AvailabilityShare"/> and the framework's checks options, so the share and the veto it prints
/// are the ones the checks of <c>collect</c> and <c>check</c> will find.
/// </summary>
public sealed class MonitorCommand : CommandGroup
{
    private const string DefaultFramework = "gov-website-check-2019";
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private const int WorstShown = 10;

    public override IEnumerable<Command> Build(CliContext context)
    {
        var urls = new Argument<string[]>("URL") { Description = "Homepages to monitor (with --log), e.g. https://www.example.gov.cn/", Arity = ArgumentArity.ZeroOrMore };
        var log = new Option<FileInfo?>("--log") { Description = "Append the samples of the URLs to this file (JSON lines; `goveval check URL --monitor-log FILE` reads it); a restart continues the window it holds" };
        var run = new Option<string?>("--run") { Description = "Monitor every website of this run (id or unique name) and store the samples in the run, for `goveval collect --run`" };
        var framework = new Option<string?>("--framework") { Description = $"With URLs: the framework whose checks block sets the window and the timeout (id or .yaml file; default {DefaultFramework}). A run is monitored with its own framework" };
        var perDay = new Option<int?>("--visits-per-day") { Description = "Visits to each homepage a day, one per slot of 24 h / N; default: the framework's monitor-visits-per-day (the national check: 20)" };
        var days = new Option<double?>("--days") { Description = "Length of the monitoring window in days, fractions allowed; default: the framework's monitor-days (the national check: 7)" };
        var jitter = new Option<string?>("--jitter") { Description = "Move each visit at most this far from the middle of its slot (e.g. 10m, 90s, 0); default: anywhere in its slot" };
        var failAfter = new Option<string?>("--fail-after") { Description = "A visit fails when the homepage has not fully arrived after this long; default: the framework's homepage-timeout-seconds (the national check: 15 s)" };
        var concurrency = new Option<int>("--concurrency") { Description = "Homepage visits in flight at once, across all sites", DefaultValueFactory = _ => MonitorSchedule.DefaultConcurrency };
        var timeScale = new Option<double>("--time-scale")
        {
            Description = "Run the window's clock N times faster than real time (tests and trials against the simulated web: 1000 passes a week in about 10 minutes); visits are stamped with the window's instants, timeouts stay real",
            DefaultValueFactory = _ => 1,
            Hidden = true,
        };
        var network = new NetworkOptions();
        var command = new Command(
            "monitor",
            "Sample homepages' availability over the framework's window (national check: 20 visits a day for 7 days, the 15 s rule) into a log file (URLs --log FILE) or into a run (--run RUN); a restart takes only the missing visits.")
        {
            urls, log, run, framework, perDay, days, jitter, failAfter, concurrency, timeScale,
        };
        network.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var given = parse.GetValue(urls) ?? [];
            var logFile = parse.GetValue(log);
            var runName = parse.GetValue(run);
            if (given.Length > 0 && runName is not null)
            {
                throw new InputException("--run", "give either homepages (with --log FILE) or --run RUN, not both");
            }

            if (given.Length == 0 && runName is null)
            {
                throw new InputException("URL", "give the homepages to monitor (with --log FILE), or --run RUN to monitor a run's websites");
            }

            if (runName is null && logFile is null)
            {
                throw new InputException("--log", "required with URLs: the file the samples are appended to (then `goveval check URL --monitor-log FILE`)");
            }

            if (runName is not null && logFile is not null)
            {
                throw new InputException("--log", "a run's samples are stored in the run; --log is for monitoring URLs");
            }

            if (runName is not null && parse.GetValue(framework) is not null)
            {
                throw new InputException("--framework", "a run is monitored with the window of its own framework; leave out --framework (or create a run with the framework you want)");
            }

            var scale = parse.GetValue(timeScale);
            if (!(scale >= 1) || double.IsInfinity(scale))
            {
                throw new InputException("--time-scale", $"must be 1 (real time) or more, got {scale.ToString(CultureInfo.InvariantCulture)}");
            }

            var console = CheckCommand.Console(context);
            if (runName is null)
            {
                var chosen = FrameworkCatalog.Get(parse.GetValue(framework) ?? DefaultFramework);
                var rules = Rules(chosen);
                var checks = CheckOptions.From(chosen);
                var (fail, schedule) = Window(parse, rules, perDay, days, jitter, concurrency, failAfter);
                var sampling = new SamplerOptions { FailAfter = fail };
                var homepages = given.Select(h => SiteHomepage.Parse(h)).DistinctBy(SampleLog.Key).ToList();
                var samples = new SampleLog(logFile!.FullName);
                var sites = homepages.Select(h => new MonitoredHomepage(h, h, samples.Read(h))).ToList();
                using var fetcher = new Fetcher(network.Fetch(parse, null));
                var clock = Clock(scale, sites);
                var sampler = new HomepageSampler(fetcher, sampling, clock, samples);
                var tally = await MonitorAsync(console, new HomepageMonitor(sampler, clock), sites, schedule, clock, fail, checks, _ => { }, cancel);
                Summary(console, tally, schedule, checks, _ => null);
                console.MarkupLineInterpolated($"samples: {samples.Path}");
                console.MarkupLineInterpolated($"next: goveval check {homepages[0]} --monitor-log {samples.Path}");
            }
            else
            {
                await using var store = await context.OpenExistingStoreAsync(parse, cancel);
                var assessment = await store.RunAsync(runName, "--run", cancel);
                var own = FrameworkCatalog.Get(assessment.FrameworkId);
                var rules = Rules(own);
                var checks = CheckOptions.From(own);
                var (fail, schedule) = Window(parse, rules, perDay, days, jitter, concurrency, failAfter);
                var sampling = new SamplerOptions { FailAfter = fail };
                var registry = await store.RegistryForRunAsync(assessment, cancel);
                var (websites, without) = RunWebsites.Of(registry, assessment);
                if (without.Count > 0)
                {
                    console.MarkupLineInterpolated($"[yellow]{without.Count} units have no registered website and are not monitored (import their channels with 'goveval registry import'): {string.Join(" ", without.Take(10).Select(u => u.Short))}{(without.Count > 10 ? " …" : "")}[/]");
                }

                if (websites.Count == 0)
                {
                    throw new InputException("--run", $"run {assessment.Id} has no unit with a registered website; import website channels first ('goveval registry import channels.csv')");
                }

                var stored = await store.AvailabilitySamplesAsync(assessment.Id, cancel);
                var sites = websites.Select(w => new MonitoredHomepage(w.Unit.Code, w.Homepage, stored.GetValueOrDefault(w.Unit.Code) ?? [])).ToList();
                var units = websites.ToDictionary(w => w.Unit.Code, w => w.Unit.Short, StringComparer.Ordinal);
                using var fetcher = new Fetcher(network.Fetch(parse, null));
                var clock = Clock(scale, sites);
                var sampler = new HomepageSampler(fetcher, sampling, clock);
                await using var writer = new RunSampleWriter(store, assessment.Id, TimeSpan.FromSeconds(2));
                using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancel, writer.Failed);
                Dictionary<string, SiteTally> tally = [];
                try
                {
                    tally = await MonitorAsync(console, new HomepageMonitor(sampler, clock), sites, schedule, clock, fail, checks, v => writer.Add(v.Site.Key, v.Sample), stopping.Token);
                }
                catch (OperationCanceledException) when (!writer.Failed.IsCancellationRequested)
                {
                    // Interrupted (Ctrl+C): keep every visit taken, so a restart continues from here.
                    await writer.CompleteAsync();
                    console.MarkupLineInterpolated($"[yellow]interrupted: {writer.Written} visits of this session stored in run {assessment.Id}; run the monitor again to complete the window[/]");
                    throw;
                }
                catch (OperationCanceledException)
                {
                    // A batch could not be stored: CompleteAsync says why.
                }

                await writer.CompleteAsync();
                Summary(console, tally, schedule, checks, key => units.GetValueOrDefault(key));
                console.MarkupLineInterpolated($"stored in run {assessment.Id} ({assessment.Name}); next: goveval collect --run {assessment.Id}");
            }

            return CommandLine.Ok;
        });
        yield return command;
    }

    /// <summary>The framework's checks block; a framework without one judges no website, so it has no window either.</summary>
    private static CheckParameters Rules(Framework framework) =>
        framework.Checks ?? throw new InputException(framework.Source,
            $"framework '{framework.Id}' has no 'checks' block, so it states no monitoring window: it scores no website checks (docs/frameworks.md)");

    /// <summary>
    /// The timeout and the window: the framework's (monitor-visits-per-day, monitor-days, homepage-timeout-seconds) unless
    /// the command line says otherwise (a trial run, a test on a fast clock).
    /// </summary>
    private static (TimeSpan FailAfter, MonitorSchedule Schedule) Window(
        ParseResult parse, CheckParameters rules, Option<int?> perDay, Option<double?> days, Option<string?> jitter, Option<int> concurrency, Option<string?> failAfterOption)
    {
        var failAfter = parse.GetValue(failAfterOption) is { } failText ? ParseDuration(failText, "--fail-after") : rules.HomepageTimeout;
        if (failAfter <= TimeSpan.Zero)
        {
            throw new InputException("--fail-after", $"must be longer than 0, got {parse.GetValue(failAfterOption)}");
        }

        var visitsPerDay = parse.GetValue(perDay) ?? rules.MonitorVisitsPerDay;
        if (visitsPerDay < 1)
        {
            throw new InputException("--visits-per-day", $"must be at least 1, got {visitsPerDay}");
        }

        var window = parse.GetValue(days) ?? (double)rules.MonitorDays;
        if (!(window > 0) || double.IsInfinity(window))
        {
            throw new InputException("--days", $"must be more than 0, got {window.ToString(CultureInfo.InvariantCulture)}");
        }

        var parallel = parse.GetValue(concurrency);
        if (parallel < 1)
        {
            throw new InputException("--concurrency", $"must be at least 1, got {parallel}");
        }

        TimeSpan? spread = null;
        if (parse.GetValue(jitter) is { } text)
        {
            spread = ParseDuration(text, "--jitter");
            if (spread < TimeSpan.Zero)
            {
                throw new InputException("--jitter", $"must not be negative, got {text}");
            }
        }

        var schedule = new MonitorSchedule { VisitsPerDay = visitsPerDay, Days = window, Jitter = spread, Concurrency = parallel };
        if (schedule.Visits < 1)
        {
            throw new InputException("--days", $"{window.ToString(CultureInfo.InvariantCulture)} days of {visitsPerDay} visits a day make no visit");
        }

        if (schedule.Interval <= failAfter)
        {
            throw new InputException("--visits-per-day", $"{visitsPerDay} visits a day leave {Duration(schedule.Interval)} between visits, not more than a visit may last (--fail-after {Duration(failAfter)})");
        }

        return (failAfter, schedule);
    }

    /// <summary>
    /// The window's clock: real time, or a scaled one that starts no earlier than the last visit already taken, so a
    /// restarted fast window goes on from where it stopped instead of going back to the real date.
    /// </summary>
    private static TimeProvider Clock(double scale, IReadOnlyList<MonitoredHomepage> sites)
    {
        if (scale == 1)
        {
            return TimeProvider.System;
        }

        var start = DateTimeOffset.UtcNow;
        var last = sites.SelectMany(s => s.Taken).Select(s => s.At).DefaultIfEmpty(start).Max();
        return new ScaledClock(scale, last >= start ? last.AddTicks(1) : start);
    }

    private static async Task<Dictionary<string, SiteTally>> MonitorAsync(
        IAnsiConsole console,
        HomepageMonitor monitor,
        IReadOnlyList<MonitoredHomepage> sites,
        MonitorSchedule schedule,
        TimeProvider clock,
        TimeSpan failAfter,
        CheckOptions checks,
        Action<MonitorVisit> persist,
        CancellationToken cancel)
    {
        var tally = sites.ToDictionary(s => s.Key, s => new SiteTally(s.Homepage, s.Taken, checks), StringComparer.Ordinal);
        var already = sites.Sum(s => Math.Min(s.Taken.Count, schedule.Visits));
        var toTake = sites.Sum(s => Math.Max(0, schedule.Visits - s.Taken.Count));
        var scale = clock is ScaledClock scaled ? scaled.Scale : 1;
        var now = clock.GetUtcNow();
        var realLength = schedule.Interval * (toTake == 0 ? 0 : sites.Max(s => Math.Max(0, schedule.Visits - s.Taken.Count))) / scale;
        console.MarkupLineInterpolated(
            $"monitoring {Count(sites.Count, "homepage")}: {schedule.Visits} visits each ({schedule.VisitsPerDay} a day for {schedule.Days.ToString("0.##", CultureInfo.InvariantCulture)} days, one per {Duration(schedule.Interval)} slot), a visit failing after {Duration(failAfter)}");
        console.MarkupLineInterpolated(
            $"{already} visits already taken, {toTake} to take; window clock {now:yyyy-MM-dd HH:mm} UTC{(scale == 1 ? "" : $" running ×{scale.ToString("0.##", CultureInfo.InvariantCulture)}")}, about {Duration(realLength)} of real time");
        if (toTake == 0)
        {
            return tally;
        }

        var watch = Stopwatch.StartNew();
        var gate = new object();
        int done = 0, failures = 0;
        var last = TimeSpan.Zero;

        void Record(MonitorVisit visit)
        {
            persist(visit);
            lock (gate)
            {
                tally[visit.Site.Key].Add(visit.Sample);
                done++;
                failures += AvailabilityShare.Failed(visit.Sample, checks) ? 1 : 0;
            }
        }

        if (console.Profile.Capabilities.Interactive)
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async display =>
                {
                    var task = display.AddTask(Markup.Escape($"monitoring {sites.Count} homepages"), maxValue: toTake);
                    await monitor.RunAsync(sites, schedule, visit =>
                    {
                        Record(visit);
                        lock (gate)
                        {
                            task.Description = Markup.Escape($"monitoring {sites.Count} homepages: {done}/{toTake} visits, {failures} failed, clock {clock.GetUtcNow():MM-dd HH:mm}");
                            task.Increment(1);
                        }

                        return ValueTask.CompletedTask;
                    }, cancel);
                });
        }
        else
        {
            await monitor.RunAsync(sites, schedule, visit =>
            {
                Record(visit);
                lock (gate)
                {
                    if (watch.Elapsed - last >= LogEvery || done == toTake)
                    {
                        last = watch.Elapsed;
                        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"monitor: {done}/{toTake} visits, {failures} failed, window clock {clock.GetUtcNow():yyyy-MM-dd HH:mm}, {watch.Elapsed:hh\\:mm\\:ss} elapsed"));
                    }
                }

                return ValueTask.CompletedTask;
            }, cancel);
        }

        return tally;
    }

    /// <param name="checks">The framework's checks options: the veto threshold the summary counts with.</param>
    private static void Summary(IAnsiConsole console, Dictionary<string, SiteTally> tally, MonitorSchedule schedule, CheckOptions checks, Func<string, string?> unitName)
    {
        var counted = tally.ToDictionary(t => t.Key, t => t.Value.Count(), StringComparer.Ordinal);
        var visits = counted.Values.Sum(t => t.Visits);
        var failed = counted.Values.Sum(t => t.Failures);
        var spoiled = counted.Values.Sum(t => t.ScannerFaults);
        var failing = counted.Where(t => t.Value.Failures > 0).ToList();
        console.MarkupLineInterpolated(
            $"{Count(visits, "visit")} to {Count(tally.Count, "homepage")} in the window, {failed} failed{(spoiled > 0 ? $" ({spoiled} more spoiled by the scanner, not counted)" : "")}; {Count(failing.Count, "homepage")} failed at least once, {failing.Count(t => t.Value.Unreachable)} at {checks.UnreachableSharePercent.ToString("0.##", CultureInfo.InvariantCulture)}% or more (veto.unreachable)");
        var incomplete = tally.Values.Count(t => t.Taken < schedule.Visits);
        if (incomplete > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{incomplete} homepages have fewer than {schedule.Visits} visits: run the monitor again to complete the window[/]");
        }

        if (failing.Count == 0)
        {
            return;
        }

        var table = new Table().Title($"worst {Math.Min(WorstShown, failing.Count)} of {failing.Count} homepages with failures");
        table.AddColumn("homepage");
        if (tally.Keys.Any(k => unitName(k) is not null))
        {
            table.AddColumn("unit");
        }

        table.AddColumn(new TableColumn("visits").RightAligned());
        table.AddColumn(new TableColumn("failed").RightAligned());
        table.AddColumn(new TableColumn("share").RightAligned());
        table.AddColumn("last failure");
        foreach (var (key, count) in failing.OrderByDescending(t => t.Value.Share).ThenByDescending(t => t.Value.Failures).ThenBy(t => t.Key, StringComparer.Ordinal).Take(WorstShown))
        {
            var site = tally[key];
            var cells = new List<string> { Markup.Escape(site.Homepage) };
            if (table.Columns.Count == 6)
            {
                cells.Add(Markup.Escape(unitName(key) ?? key));
            }

            var share = count.Percent + "%";
            cells.Add(count.Visits.ToString(CultureInfo.InvariantCulture));
            cells.Add(count.Failures.ToString(CultureInfo.InvariantCulture));
            cells.Add(count.Unreachable ? $"[red]{share}[/]" : share);
            cells.Add(Markup.Escape(site.LastFailure ?? ""));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>90s, 10m, 1.5h, 200ms, 1d, a bare number of seconds, or hh:mm:ss.</summary>
    internal static TimeSpan ParseDuration(string text, string option)
    {
        var trimmed = text.Trim();
        foreach (var (suffix, unit) in new[] { ("ms", TimeSpan.FromMilliseconds(1)), ("s", TimeSpan.FromSeconds(1)), ("m", TimeSpan.FromMinutes(1)), ("h", TimeSpan.FromHours(1)), ("d", TimeSpan.FromDays(1)), ("", TimeSpan.FromSeconds(1)) })
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value)
                && Math.Abs(value * unit.TotalDays) < 10_000)
            {
                return unit * value;
            }
        }

        if (trimmed.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        throw new InputException(option, $"'{text}' is not a duration (e.g. 15s, 10m, 1.5h, 00:10:00)");
    }

    internal static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture) + " d"
        : span.TotalHours >= 1 ? span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + " h"
        : span.TotalMinutes >= 1 ? span.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min"
        : span.TotalSeconds >= 1 || span == TimeSpan.Zero ? span.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s"
        : span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>
    /// What the window holds for one homepage, the visits before a restart included. The samples are counted by
    /// <see cref="AvailabilityShare.Count"/>, the checks' own count, never by a rule of the monitor's.
    /// </summary>
    private sealed class SiteTally
    {
        private readonly List<AvailabilitySample> samples = [];
        private readonly CheckOptions checks;

        public SiteTally(string homepage, IReadOnlyList<AvailabilitySample> taken, CheckOptions checks)
        {
            Homepage = homepage;
            this.checks = checks;
            foreach (var sample in taken)
            {
                Add(sample);
            }
        }

        public string Homepage { get; }

        /// <summary>Samples in the window, spoiled ones included: the window is complete when every slot has one.</summary>
        public int Taken => samples.Count;

        public string? LastFailure { get; private set; }

        /// <summary>The share and veto the checks will find in these samples.</summary>
        public AvailabilityTally Count() => AvailabilityShare.Count(samples, checks);

        public void Add(AvailabilitySample sample)
        {
            samples.Add(sample);
            if (AvailabilityShare.Failed(sample, checks))
            {
                LastFailure = string.Create(CultureInfo.InvariantCulture, $"{sample.At:yyyy-MM-dd HH:mm} {sample.Outcome.Status}{(sample.Outcome.HttpStatus is { } code ? $" {code}" : "")}");
            }
        }
    }
}
