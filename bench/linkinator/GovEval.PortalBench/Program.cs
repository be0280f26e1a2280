using System.Globalization;
using GovEval.PortalBench;

// Usage:
//   GovEval.PortalBench generate DIR ORIGIN EXTERNAL   writes DIR/site, DIR/external and DIR/broken.txt
//   GovEval.PortalBench compare TRUTH ORIGIN TOOL=FILE… pages and broken targets each tool reported, against the truth and linkinator
return args switch
{
    ["generate", var dir, var origin, var external] => Generate(dir, origin.TrimEnd('/'), external.TrimEnd('/')),
    ["compare", var truth, var origin, .. var tools] when tools.Length > 0 => ToolReports.Compare(truth, origin.TrimEnd('/'), tools, Console.Out),
    _ => Usage(),
};

static int Generate(string dir, string origin, string external)
{
    var summary = PortalGenerator.Write(dir, origin, external);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"portal: {summary.Pages} pages ({summary.Articles} articles, lists of {PortalGenerator.ListPages} pages), {summary.BrokenLinks} broken links, {summary.Bytes / 1048576.0:F1} MiB; external site {summary.ExternalBytes} bytes"));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: GovEval.PortalBench generate DIR ORIGIN EXTERNAL | compare TRUTH ORIGIN linkinator=CSV goveval=REPORT.json links=CSV …");
    return 2;
}
