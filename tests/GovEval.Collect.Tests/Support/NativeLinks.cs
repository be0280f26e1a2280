using System.Diagnostics;

namespace GovEval.Collect.Tests.Support;

/// <summary>
/// The native (ahead-of-time compiled) goveval-links: the one scripts/test.sh publishes (GOVEVAL_LINKS_NATIVE), or
/// published here once when the tests run without it. Trimming and AOT fail at run time, not at build time, so the
/// executable itself is what the tests run.
/// </summary>
internal static class NativeLinks
{
    private static readonly Lazy<string> Executable = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task<LinkCheckRun> RunAsync(IEnumerable<string> args, Func<Process, Task>? meanwhile = null)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };

        // The CSV must be UTF-8 even where the locale says ASCII.
        start.Environment["LANG"] = "C";
        start.Environment["LC_ALL"] = "C";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (meanwhile is not null)
        {
            await meanwhile(process);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        return new LinkCheckRun(process.ExitCode, await stdout, await stderr);
    }

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("GOVEVAL_LINKS_NATIVE") is { Length: > 0 } given)
        {
            Assert.True(File.Exists(given), $"GOVEVAL_LINKS_NATIVE names '{given}', which does not exist");
            return given;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GovEval.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var output = Path.Combine(root.FullName, "artifacts", "goveval-links-test");
        var publish = Process.Start(new ProcessStartInfo(Path.Combine(root.FullName, "scripts", "publish-links.sh"), [output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = publish.StandardError.ReadToEndAsync();
        var path = publish.StandardOutput.ReadToEnd().Trim();
        publish.WaitForExit();
        Assert.True(publish.ExitCode == 0, $"scripts/publish-links.sh failed: {errors.Result}");
        return path;
    }
}
