using GovEval.Store;

namespace GovEval.Cli.Collection;

/// <summary>
/// Where a run's files live beside its store: WARC evidence, stored observations and crawl journals under goveval-data/runs/RUN/. A
/// store that is not a file (PostgreSQL) keeps them under ./goveval-data.
/// </summary>
public static class RunFolders
{
    public static string Root(StoreConnection connection, string runId)
    {
        var data = connection.FilePath is { } file
            ? Path.GetDirectoryName(Path.GetFullPath(file))!
            : Path.GetFullPath("goveval-data");
        return Path.Combine(data, "runs", runId);
    }

    public static string Warc(string root) => Path.Combine(root, "warc");

    public static string Journals(string root) => Path.Combine(root, "journal");

    /// <summary>Each unit's stored observations (UNIT.json.gz), what `recheck` judges again.</summary>
    public static string Observations(string root) => Path.Combine(root, "observations");

    /// <summary>The captured pages behind each unit's findings (UNIT.json), for the release's score sheets.</summary>
    public static string Evidence(string root) => Path.Combine(root, "evidence");
}
