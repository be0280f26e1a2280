using GovEval.Core.Errors;

namespace GovEval.Cli;

/// <summary>
/// Where a command writes what a person asked for (<c>--out</c>). Checked before any work, so that a typo costs no
/// crawl, and refused as bad input (exit 2 naming the argument) when it cannot be written: an empty value, a file
/// where a folder is wanted, a device, a folder that cannot be created.
/// </summary>
internal static class OutputPaths
{
    /// <summary>The full path of a folder to write into, without creating it.</summary>
    public static string Folder(string? value, string option)
    {
        var path = FullPath(value, option, "folder");
        return File.Exists(path) ? throw new InputException(option, $"{value} is a file, not a folder: give a folder to write into") : path;
    }

    /// <summary>The full path of a folder to write into, created when missing.</summary>
    public static string CreateFolder(string? value, string option)
    {
        var path = Folder(value, option);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(option, $"cannot create the folder {path}: {e.Message}");
        }

        return path;
    }

    /// <summary>The full path of a file to write, its folder created when missing.</summary>
    public static string FileToWrite(string? value, string option)
    {
        var path = FullPath(value, option, "file");
        if (Directory.Exists(path))
        {
            throw new InputException(option, $"{value} is a folder: give the file to write");
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(option, $"cannot create the folder of {path}: {e.Message}");
        }

        return path;
    }

    private static string FullPath(string? value, string option, string kind)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InputException(option, $"is empty: give the {kind} to write");
        }

        try
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException(option, $"'{value}' is not a usable path: {e.Message}");
        }
    }
}
