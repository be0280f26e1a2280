using System.Runtime.InteropServices;

namespace GovEval.Publish;

/// <summary>
/// Replaces a folder by another in one step where the system can: Linux exchanges two paths atomically
/// (renameat2 with RENAME_EXCHANGE), so no moment exists without the output folder. Elsewhere, or on a file
/// system that cannot exchange, the old folder is renamed away and the new one renamed in; a kill between the
/// two renames is put right by the next publish (<see cref="PublishOperation.RecoverAbandoned"/>).
/// </summary>
internal static partial class FolderSwap
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <param name="replacement">The finished folder; afterwards it holds nothing of use (the caller deletes it).</param>
    /// <param name="aside">Where the old folder waits during a two-step swap.</param>
    public static void Replace(string target, string replacement, string aside)
    {
        if (TryExchange(target, replacement))
        {
            return;
        }

        Directory.Move(target, aside);
        Directory.Move(replacement, target);
    }

    /// <summary>True when the two folders were exchanged; false when this system or file system cannot.</summary>
    internal static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0)
            {
                return true;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 or a libc without renameat2 (some musl builds).
            return false;
        }

        var error = Marshal.GetLastPInvokeError();
        // ENOSYS (38): no such call in the kernel; EINVAL (22): the file system cannot exchange. Anything else
        // (a permission, a vanished folder) is a real failure the two-step swap would meet as well.
        return error is 38 or 22
            ? false
            : throw new IOException($"cannot exchange {a} and {b}: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
