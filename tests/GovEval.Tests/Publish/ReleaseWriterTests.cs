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
        Assert.Equal(2, Directory.GetFiles(folder["out"]).Length);
    }

    [Fact]
    public void Publishing_again_replaces_the_release_and_keeps_other_files()
    {
        using var folder = new TempFolder();
        var output = folder["release"];
        Directory.CreateDirectory(Path.Combine(output, "units"));
        File.WriteAllText(Path.Combine(output, "units", "999999.html"), "a unit no longer published");
        File.WriteAllText(Path.Combine(output, "results.json"), "{}");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "the evaluator's own notes");

        new ReleaseWriter().Write(SampleReleases.WithSheets(), output, [ReleaseFormat.Json, ReleaseFormat.Html]);

        Assert.False(File.Exists(Path.Combine(output, "units", "999999.html")));
        Assert.True(File.Exists(Path.Combine(output, "units", "110000.html")));
        Assert.Contains("\"run\": \"run-42\"", File.ReadAllText(Path.Combine(output, "results.json")));
        Assert.Equal("the evaluator's own notes", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal(["release"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
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
        Assert.Equal(["results.json"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
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
