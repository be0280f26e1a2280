namespace GovEval.Cli.Demo;

/// <summary>
/// The demo's bundled inputs (data/demo, embedded): the website sample and the expert, survey, bonus and
/// innovation-case values. They are written out beside the release so a newcomer can open what was imported.
/// </summary>
public static class DemoFiles
{
    public const string WebsiteSample = "website-sample.txt";
    public const string Capability2019 = "capability-2019-inputs.csv";
    public const string Capability2020 = "capability-2020-inputs.csv";
    public const string Website2020 = "website-2020-inputs.csv";
    public const string WebsiteCheck = "website-2019-check-inputs.csv";

    private static readonly string[] All = [WebsiteSample, Capability2019, Capability2020, Website2020, WebsiteCheck, "README.md"];

    /// <summary>
    /// Writes every bundled file into <paramref name="folder"/>. With <paramref name="sites"/> the website sample is
    /// thinned to about that many units (every k-th, so every cohort keeps members) and the website inputs to them.
    /// </summary>
    public static string WriteTo(string folder, int? sites = null)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in All)
        {
            using var stream = typeof(DemoFiles).Assembly.GetManifestResourceStream("demo/" + name)
                ?? throw new FileNotFoundException($"embedded demo/{name} is missing from the build");
            using var file = File.Create(Path.Combine(folder, name));
            stream.CopyTo(file);
        }

        if (sites is { } wanted)
        {
            var sample = Sample(folder);
            var step = Math.Max(1, (int)Math.Ceiling(sample.Count / (double)wanted));
            var kept = sample.Where((_, i) => i % step == 0).ToHashSet(StringComparer.Ordinal);
            Filter(Path.Combine(folder, WebsiteSample), line => line.StartsWith('#') || line.Trim().Length == 0 || kept.Contains(line.Trim()));
            foreach (var inputs in new[] { Website2020, WebsiteCheck })
            {
                var header = true;
                Filter(Path.Combine(folder, inputs), line => header ? !(header = false) : kept.Contains(line[..Math.Max(0, line.IndexOf(','))]));
            }
        }

        return folder;
    }

    private static void Filter(string path, Func<string, bool> keep) =>
        File.WriteAllLines(path, File.ReadAllLines(path).Where(keep).ToList());

    /// <summary>Unit codes of the website sample: one a line, '#' comments.</summary>
    public static IReadOnlyList<string> Sample(string folder) =>
        File.ReadAllLines(Path.Combine(folder, WebsiteSample))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
}
