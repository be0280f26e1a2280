using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GovEval.Tests.Cli;

/// <summary>
/// SIGTERM (a CI job's timeout) to a real goveval process busy on a hostile page (issue 19, rows 3 and 19): the
/// command stops with its usual "cancelled" message, also when a second signal follows at once. Before, the page
/// held a phase that never looked at the cancellation, System.CommandLine's handler gave up on it after 2 s and
/// ended the invocation (exit 143, no message), and a second signal threw out of that handler.
/// </summary>
public sealed class TerminationSignalTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Theory(Timeout = 200_000)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Sigterm_while_a_deeply_nested_homepage_is_read_cancels_the_check_cleanly(int signals)
    {
        // AngleSharp takes the square of the depth: 60,000 nested elements are minutes of parsing, in the search
        // probe and then in the checks, both of which now stop when the command is cancelled.
        var page = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div><a href=\"/a.html\">政务公开</a>", 60_000)));
        var served = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Serve(page, served, out var port);
        var output = Path.Combine(Path.GetTempPath(), "goveval-sigterm-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var child = Start(
                "check", "http://www.sigterm.gov.cn/", "--connect-to", $"www.sigterm.gov.cn:80:127.0.0.1:{port}", "--max-pages", "1",
                "--out", output, "--now", "2024-06-01T10:00:00", "--page-parse-timeout", "3600", "--db", Path.Combine(output, "db.sqlite"));
            var stderr = child.StandardError.ReadToEndAsync();
            var stdout = child.StandardOutput.ReadToEndAsync();
            // Once the homepage is served, the process parses it for minutes: half a second of its CPU time later
            // it is inside the parse, wherever the scheduler put the other probes.
            log.WriteLine($"child {child.Id} started");
            await served.Task.WaitAsync(TimeSpan.FromSeconds(120));
            log.WriteLine("homepage served");
            var start = child.TotalProcessorTime;
            while (!child.HasExited && child.TotalProcessorTime - start < TimeSpan.FromSeconds(0.5))
            {
                await Task.Delay(50);
                child.Refresh();
            }

            log.WriteLine($"child used {(child.TotalProcessorTime - start).TotalSeconds} s since; exited {child.HasExited}");
            if (child.HasExited)
            {
                Assert.Fail($"the check ended before it was stopped: {await stderr}");
            }
            for (var i = 0; i < signals; i++)
            {
                Assert.Equal(0, Kill(child.Id, Sigterm));
            }

            log.WriteLine("signalled");
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            log.WriteLine($"exited {child.ExitCode}");
            var error = await stderr;
            Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
            if (signals == 1 || child.ExitCode != 143)
            {
                // One signal, or a second that came after the command had stopped: the usual cancelled exit.
                Assert.True(child.ExitCode == 1, $"exit {child.ExitCode}; stderr: {error}; stdout: {await stdout}");
                Assert.Contains("goveval: cancelled", error, StringComparison.Ordinal);
            }

            Assert.False(File.Exists(Path.Combine(output, "report.json")), "a cancelled check writes no report");
        }
        finally
        {
            server.Stop();
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private const int Sigterm = 15;

    // The signal straight from libc: a kill(1) child of the test host is one more process to wait for.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "goveval.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// Serves <paramref name="page"/> at / and 404 elsewhere on a free loopback port, whatever the Host header says
    /// (the child asks for www.sigterm.gov.cn through --connect-to); <paramref name="served"/> completes at the first
    /// homepage answered.
    /// </summary>
    private static TcpListener Serve(byte[] page, TaskCompletionSource served, out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            var stream = client.GetStream();
                            var head = new StringBuilder();
                            var buffer = new byte[4096];
                            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                            {
                                var read = await stream.ReadAsync(buffer);
                                if (read == 0)
                                {
                                    return;
                                }

                                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                            }

                            var home = head.ToString().StartsWith("GET / ", StringComparison.Ordinal);
                            var body = home ? page : "<html><body>none</body></html>"u8.ToArray();
                            var status = home ? "200 OK" : "404 Not Found";
                            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
                            await stream.WriteAsync(body);
                            if (home)
                            {
                                served.TrySetResult();
                            }
                        }
                        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
                        {
                        }
                    }
                });
            }
        });
        return listener;
    }
}
