using GovEval.Collect.Crawling;
using GovEval.Collect.Warc;
using GovEval.Core.Observations;
using GovEval.Sandbox.Sites;

namespace GovEval.Collect.Tests.Support;

/// <summary>
/// One goveval-links run against the live sandbox and what it printed, parsed: the tests run the same arguments
/// in-process and through the native executable, and compare both with the sandbox's ground truth.
/// </summary>
internal sealed record LinkCheckRun(int ExitCode, string Stdout, string Stderr)
{
    private static readonly string[] LinkRules = ["links.broken", "links.broken-homepage", "downloads.broken", "services.system-down"];

    public List<Dictionary<string, string>> Rows => Csv.Read(Stdout);

    /// <summary>The arguments that reach <paramref name="site"/> in <paramref name="live"/> (routes and CA written to <paramref name="folder"/>).</summary>
    public static List<string> Arguments(LiveSandbox live, SiteModel site, TempFolder folder, string warc)
    {
        File.WriteAllLines(folder["routes.txt"], live.Server.Routes());
        File.WriteAllText(folder["ca.pem"], live.Server.CertificateAuthorityPem);
        return [site.SiteUrl, "--connect-to-file", folder["routes.txt"], "--ca", folder["ca.pem"], "--no-politeness", "--timeout", "2", "--warc", warc, "--parallelism", "8"];
    }

    /// <summary>A site with several broken targets and no slow answers, the kind a link checker's result is judged on.</summary>
    public static SiteModel Site(LiveSandbox live) =>
        live.Sites(s => s.Broken.Count >= 3 && !s.Faults.HasFlag(Sandbox.Quality.FaultKind.SlowResponse)).OrderByDescending(s => s.Broken.Count).First();

    /// <summary>
    /// The run found exactly the truth's broken targets, each row a site fault whose WARC record holds the response
    /// with the digest the row gives, and ended with its summary line.
    /// </summary>
    public void AssertMatchesTruth(LiveSandbox live, SiteModel site, string warc)
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Stderr}");
        var expected = ExpectedBroken(live, site);
        Assert.NotEmpty(expected);
        var rows = Rows;
        var found = rows.Select(r => UrlNormalizer.Normalize(r["target"])).ToHashSet();
        Assert.Empty(expected.Except(found));
        Assert.Empty(found.Except(expected));
        foreach (var row in rows)
        {
            Assert.Equal("yes", row["site_fault"]);
            Assert.Equal(site.Host, new Uri(row["page"]).Host);
            if (row["warc_record"].Length > 0)
            {
                var record = WarcReader.Find(Path.Combine(warc, row["warc_file"]), row["warc_record"]);
                Assert.NotNull(record);
                Assert.Equal(row["sha256"], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(record.Payload.Span)));
                Assert.Equal(row["http_status"], record.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
            else
            {
                // No response to archive: the row says why (DNS, connection, timeout).
                Assert.NotEqual("HttpError", row["status"]);
                Assert.NotEmpty(row["error"]);
            }
        }

        Assert.Contains(rows, r => r["warc_record"].Length > 0);
        Assert.Contains($"{expected.Count} broken targets", Stderr, StringComparison.Ordinal);
    }

    public static HashSet<string> ExpectedBroken(LiveSandbox live, SiteModel site) =>
        live.Server.Truth().Sites.Single(s => s.Host == site.Host).Defects.Where(d => LinkRules.Contains(d.Rule)).Select(d => UrlNormalizer.Normalize(d.Url)).ToHashSet();
}

/// <summary>A small RFC 4180 reader for the tests: quoted fields may hold commas, quotes and line breaks.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> Read(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "the CSV does not end with a line break");
        Assert.NotEmpty(records);
        var header = records[0];
        foreach (var row in records.Skip(1))
        {
            Assert.Equal(header.Count, row.Count);
        }

        return records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
