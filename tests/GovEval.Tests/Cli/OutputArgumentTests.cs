namespace GovEval.Tests.Cli;

/// <summary>
/// An output the command cannot write is bad input naming the argument (exit 2), found before any work; it used
/// to be an internal error with a stack trace, after the whole crawl for <c>check</c> (issue 19, row 6).
/// </summary>
public sealed class OutputArgumentTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    public static TheoryData<string, string> Unwritable => new()
    {
        { "/dev/null", "is a file" },
        { "FILE", "is a file" },
        { "/proc/goveval-out", "cannot " },
        { "", "is empty" },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task Check_refuses_an_output_it_cannot_write_before_crawling(string output, string message)
    {
        // Nothing listens on port 9 of loopback: a crawl would fail, the argument is refused before it.
        var result = await workspace.RunAsync("check", "http://127.0.0.1:9/", "--max-pages", "1", "--out", Resolve(output));

        Assert.Equal(2, result.Code);
        Assert.StartsWith("goveval: --out: ", result.Error);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [MemberData(nameof(Unwritable))]
    public async Task Publish_refuses_an_output_it_cannot_write(string output, string message)
    {
        var scores = workspace.Write("totals.csv", "unit,total\n北京市,90\n");

        var result = await workspace.RunAsync("publish", "--scores", scores, "--framework", "gov-website-check-2019", "--year", "2020",
            "--cohort", "province", "--out", Resolve(output));

        Assert.Equal(2, result.Code);
        Assert.StartsWith("goveval: --out: ", result.Error);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task The_inputs_template_refuses_a_folder_as_its_file()
    {
        var result = await workspace.RunAsync("inputs", "template", "--run", "r", "--out", Directory.CreateDirectory(Path.Combine(workspace.Folder, "t.xlsx")).FullName);

        Assert.Equal(2, result.Code);
        Assert.Contains("--out: ", result.Error);
        Assert.Contains("is a folder", result.Error);
    }

    private string Resolve(string output) => output == "FILE" ? workspace.Write("taken", "a file") : output;
}
