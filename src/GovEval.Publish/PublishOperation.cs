namespace GovEval.Publish;

/// <summary>
/// One publish into an output folder OUT, and what it may leave beside OUT if it is killed: its staging folder
/// <c>.OUT.staging-ID</c>, the previous release <c>.OUT.replaced-ID</c> while a two-step swap is under way, and its
/// lock file <c>.OUT.publish-ID.lock</c>. The lock is held (an OS lock, released by the kernel when the process
/// dies) for as long as the publish runs, so a later publish can tell a dead one's leftovers from a live one's.
/// </summary>
internal sealed class PublishOperation : IDisposable
{
    private readonly FileStream held;

    private PublishOperation(string target, string id)
    {
        var (parent, name) = Split(target);
        Lock = Path.Combine(parent, $".{name}.publish-{id}.lock");
        Staging = Path.Combine(parent, $".{name}.staging-{id}");
        Replaced = Path.Combine(parent, $".{name}.replaced-{id}");
        held = new FileStream(Lock, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        Directory.CreateDirectory(Staging);
    }

    public string Lock { get; }

    public string Staging { get; }

    public string Replaced { get; }

    public static PublishOperation Start(string target) => new(target, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Puts right what dead publishes into <paramref name="target"/> left: a previous release that a kill caught
    /// between the two renames of a swap goes back in place; staging folders are deleted. A live publish's
    /// leftovers (its lock still held) are not touched.
    /// </summary>
    public static void RecoverAbandoned(string target)
    {
        var (parent, name) = Split(target);
        foreach (var id in AbandonedIds(parent, name))
        {
            var replaced = Path.Combine(parent, $".{name}.replaced-{id}");
            if (Directory.Exists(replaced) && !Directory.Exists(target))
            {
                Directory.Move(replaced, target);
            }

            foreach (var leftover in new[] { Path.Combine(parent, $".{name}.staging-{id}"), replaced })
            {
                if (Directory.Exists(leftover))
                {
                    Directory.Delete(leftover, recursive: true);
                }
            }

            File.Delete(Path.Combine(parent, $".{name}.publish-{id}.lock"));
        }
    }

    public void Dispose()
    {
        foreach (var leftover in new[] { Staging, Replaced })
        {
            if (Directory.Exists(leftover))
            {
                Directory.Delete(leftover, recursive: true);
            }
        }

        held.Dispose();
        File.Delete(Lock);
    }

    /// <summary>Ids of operations whose lock nobody holds, and of staging folders without a lock (older versions).</summary>
    private static IEnumerable<string> AbandonedIds(string parent, string name)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(parent, $".{name}.*"))
        {
            var rest = Path.GetFileName(entry)[(name.Length + 2)..];
            foreach (var prefix in new[] { "staging-", "replaced-", "publish-" })
            {
                if (rest.StartsWith(prefix, StringComparison.Ordinal))
                {
                    ids.Add(rest[prefix.Length..].Replace(".lock", "", StringComparison.Ordinal));
                }
            }
        }

        return ids.Where(id => !IsHeld(Path.Combine(parent, $".{name}.publish-{id}.lock"))).ToList();
    }

    private static bool IsHeld(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static (string Parent, string Name) Split(string target) =>
        (Path.GetDirectoryName(target)!, Path.GetFileName(target));
}
