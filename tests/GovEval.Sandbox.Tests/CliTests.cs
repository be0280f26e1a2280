using System.Diagnostics;
using System.Text.Json;
using GovEval.Cli;

namespace GovEval.Sandbox.Tests;

public sealed class CliTests
{
    [Theory]
    [InlineData("--now", "yesterday", "--now")]
    [InlineData("--sites", "0", "--sites")]
    [InlineData("--port", "70000", "--port")]
    public async Task Bad_arguments_exit_2_naming_the_argument(string option, string value, string named)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["sandbox", "serve", option, value], stdout, stderr);
        Assert.Equal(CommandLine.BadInput, code);
        Assert.Contains(named, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_bad_input_naming_the_option()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["sandbox", "serve", "--sites", "5", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], new StringWriter(), stderr);
        Assert.Equal(CommandLine.BadInput, code);
        Assert.Contains("--port", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_writes_truth_routes_and_root_certificate_then_runs_until_stopped()
    {
        var directory = Directory.CreateTempSubdirectory("goveval-sandbox-");
        try
        {
            var truth = Path.Combine(directory.FullName, "truth.json");
            var routes = Path.Combine(directory.FullName, "routes.txt");
            var ca = Path.Combine(directory.FullName, "ca.pem");
            var routes6 = Path.Combine(directory.FullName, "routes6.txt");
            var exe = Path.Combine(AppContext.BaseDirectory, "goveval.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { exe, "sandbox", "serve", "--sites", "20", "--seed", "3", "--now", "2020-11-30", "--truth", truth, "--routes", routes, "--ipv6-routes", routes6, "--ca", ca })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            try
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                Assert.StartsWith("sandbox: 20 sites on http://127.0.0.1:", line, StringComparison.Ordinal);
                // Another process, the same seed: the same bytes (nothing may depend on per-process hashing).
                var local = new Server.SandboxServer(new Server.SandboxOptions { Seed = 3, Sites = 20, Now = new DateTimeOffset(2020, 11, 30, 0, 0, 0, TimeSpan.Zero) });
                using var expected = new MemoryStream();
                Truth.TruthWriter.Write(expected, 3, "2020-11-30", local.Truth().Sites);
                Assert.Equal(expected.ToArray(), await File.ReadAllBytesAsync(truth));
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(truth));
                Assert.Equal(3, json.RootElement.GetProperty("seed").GetInt64());
                Assert.Equal("2020-11-30", json.RootElement.GetProperty("now").GetString());
                Assert.Equal(20, json.RootElement.GetProperty("sites").GetArrayLength());
                var rules = await File.ReadAllLinesAsync(routes);
                Assert.Equal(20, rules.Count(r => r.Contains(":80:127.0.0.1:", StringComparison.Ordinal)));
                Assert.Equal(40, rules.Length);
                Assert.All(await File.ReadAllLinesAsync(routes6), r => Assert.Contains(":[::1]:", r, StringComparison.Ordinal));
                Assert.Contains("BEGIN CERTIFICATE", await File.ReadAllTextAsync(ca), StringComparison.Ordinal);
                Assert.False(process.HasExited);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
