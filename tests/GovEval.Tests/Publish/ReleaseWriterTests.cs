using GovEval.Core.Errors;
using GovEval.Core.Results;
using GovEval.Publish;

namespace GovEval.Tests.Publish;

public sealed class ReleaseWriterTests
{
    [Fact]
    public void Writes_the_requested_formats_into_a_new_folder()
    {
        using var folder = new TempFolder();
        var output = folder["release"];

        var written = new ReleaseWriter().Write(SampleReleases.WithSheets(), output, ReleaseFormats.All);

        Assert.Equal(
            ["index.html", "results.csv", "results.json", "results.xlsx", "score-details.csv", "units/110000.html", "units/120000.html", "units/310000.html", "units/500000.html"],
            written.Order(StringComparer.Ordinal));
        Assert.All(written, f => Assert.True(File.Exists(Path.Combine(output, f)), f));
        Assert.Equal(["release"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Only_the_requested_formats_are_written()
    {
        using var folder = new TempFolder();

        var written = new ReleaseWriter().Write(SampleReleases.Website, folder["out"], ReleaseFormats.Parse("json, HTML"));

        Assert.Equal(["index.html", "results.json"], written.Order(StringComparer.Ordinal));
        Assert.Equal([".goveval-release", "index.html", "results.json"], Directory.GetFiles(folder["out"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["index.html", "results.json"], File.ReadAllLines(Path.Combine(folder["out"], ".goveval-release")));
    }

    [Fact]
    public void Publishing_again_replaces_the_previous_release_and_keeps_a_persons_files()
    {
        using var folder = new TempFolder();
        var output = folder["release"];
        new ReleaseWriter().Write(SampleReleases.WithSheets(), output, [ReleaseFormat.Json, ReleaseFormat.Html]);
        File.WriteAllText(Path.Combine(output, "units", "notes.txt"), "the evaluator's notes on the units");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "the evaluator's own notes");

        // The website release has no score sheets: the previous release's units/*.html are no longer published.
        new ReleaseWriter().Write(SampleReleases.Website, output, [ReleaseFormat.Json, ReleaseFormat.Html]);

        Assert.False(File.Exists(Path.Combine(output, "units", "110000.html")));
        Assert.Contains($"\"run\": \"{SampleReleases.Website.Run}\"", File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal("the evaluator's own notes", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal("the evaluator's notes on the units", File.ReadAllText(Path.Combine(output, "units", "notes.txt")));
        Assert.Equal(["release"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_of_unknown_origin_keeps_every_file_the_release_does_not_replace()
    {
        using var folder = new TempFolder();
        var output = folder["release"];
        Directory.CreateDirectory(Path.Combine(output, "units"));
        File.WriteAllText(Path.Combine(output, "units", "mine.html"), "a page of the evaluator's");
        File.WriteAllText(Path.Combine(output, "results.json"), "{}");

        new ReleaseWriter().Write(SampleReleases.WithSheets(), output, [ReleaseFormat.Json, ReleaseFormat.Html]);

        Assert.Equal("a page of the evaluator's", File.ReadAllText(Path.Combine(output, "units", "mine.html")));
        Assert.Contains("\"run\": \"run-42\"", File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.True(File.Exists(Path.Combine(output, "units", "110000.html")));
    }

    [Fact]
    public void What_a_killed_publish_left_is_put_right_by_the_next_one()
    {
        using var folder = new TempFolder();
        var output = folder["release"];
        new ReleaseWriter().Write(SampleReleases.WithSheets(), output, [ReleaseFormat.Json]);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "the evaluator's own notes");
        // Killed half-way through staging: a staging folder and a lock file nobody holds.
        Directory.CreateDirectory(folder[".release.staging-dead1/units"]);
        File.WriteAllText(folder[".release.staging-dead1/units/110000.html"], "half written");
        File.WriteAllText(folder[".release.publish-dead1.lock"], "");
        // Killed between the two renames of a two-step swap: the output folder is missing, the old one aside.
        Directory.Move(output, folder[".release.replaced-dead2"]);
        File.WriteAllText(folder[".release.publish-dead2.lock"], "");
        // A staging folder of an older version, which had no lock files.
        Directory.CreateDirectory(folder[".release.staging-0123456789abcdef"]);

        new ReleaseWriter().Write(SampleReleases.Website, output, [ReleaseFormat.Json]);

        Assert.Equal(["release"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.Equal("the evaluator's own notes", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Contains($"\"run\": \"{SampleReleases.Website.Run}\"", File.ReadAllText(Path.Combine(output, "results.json")));
    }

    [Fact]
    public void A_publish_still_running_keeps_its_staging_folder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder[".release.staging-live"]);
        using (new FileStream(folder[".release.publish-live.lock"], FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            new ReleaseWriter().Write(SampleReleases.Website, folder["release"], [ReleaseFormat.Json]);

            Assert.True(Directory.Exists(folder[".release.staging-live"]));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("/proc/goveval-release")]
    [InlineData("/dev/null")]
    public void An_output_that_cannot_be_a_folder_is_refused_naming_the_argument(string output)
    {
        var error = Assert.Throws<InputException>(() => new ReleaseWriter().Write(SampleReleases.Website, output, [ReleaseFormat.Json]));

        Assert.Equal("--out", error.Location);
    }

    [Fact]
    public void A_failing_renderer_leaves_the_output_as_it_was()
    {
        using var folder = new TempFolder();
        var output = folder["release"];
        var good = SampleReleases.WithSheets();
        var broken = good with { Sheets = good.Sheets.ToDictionary(p => p.Key, p => p.Value with { Root = null! }) };

        Assert.ThrowsAny<Exception>(() => new ReleaseWriter().Write(broken, output, [ReleaseFormat.Json, ReleaseFormat.Html]));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));

        new ReleaseWriter().Write(good, output, [ReleaseFormat.Json]);
        var before = File.ReadAllText(Path.Combine(output, "results.json"));
        Assert.ThrowsAny<Exception>(() => new ReleaseWriter().Write(broken with { Run = "run-43" }, output, [ReleaseFormat.Json, ReleaseFormat.Html]));
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal([".goveval-release", "results.json"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["release"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_output_that_is_a_file_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["taken"], "x");

        var error = Assert.Throws<InputException>(() => new ReleaseWriter().Write(SampleReleases.Website, folder["taken"], [ReleaseFormat.Json]));

        Assert.Equal("--out", error.Location);
    }

    [Theory]
    [InlineData(null, "Html,Xlsx,Json,Csv")]
    [InlineData("", "Html,Xlsx,Json,Csv")]
    [InlineData("csv", "Csv")]
    [InlineData("xlsx,json,xlsx", "Xlsx,Json")]
    public void Formats_parse(string? text, string expected) =>
        Assert.Equal(expected, string.Join(",", ReleaseFormats.Parse(text)));

    [Theory]
    [InlineData("pdf")]
    [InlineData("html,1")]
    public void Unknown_formats_name_the_argument(string text)
    {
        var error = Assert.Throws<InputException>(() => ReleaseFormats.Parse(text));

        Assert.Equal("--format", error.Location);
    }
}
