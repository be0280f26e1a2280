namespace GovEval.Publish;

/// <summary>
/// The list of files a release wrote, kept in the release folder (<c>.goveval-release</c>, one relative path a
/// line), so that publishing again can tell the previous release's files, which it replaces or drops, from files a
/// person put there, which it keeps.
/// </summary>
internal static class ReleaseManifest
{
    public const string FileName = ".goveval-release";

    public static void Write(string folder, IEnumerable<string> relativePaths) =>
        File.WriteAllLines(Path.Combine(folder, FileName), relativePaths.Order(StringComparer.Ordinal));

    /// <summary>
    /// Copies into <paramref name="staging"/> every file of <paramref name="target"/> that neither the previous
    /// release (its manifest) nor the new one (<paramref name="written"/>) wrote. A folder published by a version
    /// without a manifest keeps every file the new release does not replace.
    /// </summary>
    public static void CarryOverOtherFiles(string target, string staging, IReadOnlyCollection<string> written)
    {
        var manifest = Path.Combine(target, FileName);
        var ours = new HashSet<string>(written, StringComparer.Ordinal);
        if (File.Exists(manifest))
        {
            ours.UnionWith(File.ReadAllLines(manifest).Where(line => line.Length > 0));
        }

        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(target, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == FileName || ours.Contains(relative))
            {
                continue;
            }

            var copy = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        }
    }
}
