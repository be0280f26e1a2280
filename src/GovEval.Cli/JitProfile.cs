using System.Runtime;

namespace GovEval.Cli;

/// <summary>
/// Background JIT from a startup profile (.NET multi-core JIT): each run records the methods it compiled, and the
/// next run of the same command compiles them on a spare core ahead of use. A crawl's first page otherwise waits
/// for some 0.4 s of compiling on one core while the other idles. The profile is a cache: deleting it only
/// costs that time again; where it cannot be written, nothing changes.
/// </summary>
public static class JitProfile
{
    /// <summary>Starts recording and replaying the profile named <paramref name="name"/> in the user's cache.</summary>
    public static void Start(string name)
    {
        var folder = DefaultFolder();
        if (folder is null || Environment.GetEnvironmentVariable("GOVEVAL_NO_JIT_PROFILE") is not null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(string.Concat(name.Where(char.IsAsciiLetterOrDigit)) + ".jitprofile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string? DefaultFolder()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            cache = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
        }

        return cache is null ? null : Path.Combine(cache, "goveval", "jit");
    }
}
