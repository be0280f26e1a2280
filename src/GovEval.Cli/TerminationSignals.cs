using System.Runtime.InteropServices;

namespace GovEval.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM (a CI job's timeout, a service manager) for the goveval process: the first signal
/// cancels <see cref="Token"/>, every loop of the command sees it, and the command ends with its usual
/// "cancelled" message; a second signal is left to the runtime, which ends the process at once (the way out of a
/// command that does not stop).
/// System.CommandLine's own handler is not used: it waited on the signal thread and then completed the
/// invocation a second time when a second signal came, and cancelled a token source the finished invocation had
/// disposed: either threw on the signal thread, an unhandled exception that took the process down.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    // Never disposed: a signal delivered while the registrations are being disposed may still be cancelling it,
    // and a source without a timer holds nothing that needs freeing.
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    public TerminationSignals()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref received) > 1)
        {
            return; // context.Cancel stays false: the runtime's default action ends the process
        }

        context.Cancel = true;

        // Not on the signal thread: callbacks registered on the token run where the source is cancelled, and one
        // that throws must not throw out of a signal handler. CancelAsync runs them on the thread pool and keeps
        // what they throw in a task nobody needs to observe.
        _ = source.CancelAsync();
    }
}
