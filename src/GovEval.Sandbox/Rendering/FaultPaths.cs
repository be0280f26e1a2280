using System.Globalization;

namespace GovEval.Sandbox.Rendering;

/// <summary>Where the scanner traps live on a site that has them.</summary>
public static class FaultPaths
{
    public const string ChainStart = "/old/1.html";
    public const int ChainLength = 12;
    public const string LargePage = "/zwgk/sjfb/all.html";
    public const string GzipBomb = "/zwgk/sjfb/export.html";
    public const string CalendarPath = "/hdjl/calendar.html";
    public const string PrintPrefix = "/print";

    public static string Calendar(int year, int month) =>
        $"{CalendarPath}?month={year.ToString("0000", CultureInfo.InvariantCulture)}-{month.ToString("00", CultureInfo.InvariantCulture)}";
}
