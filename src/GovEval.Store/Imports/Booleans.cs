namespace GovEval.Store.Imports;

/// <summary>Yes/no cells as people fill them in spreadsheets: true/false, yes/no, 1/0, 是/否.</summary>
internal static class Booleans
{
    private static readonly string[] True = ["true", "yes", "y", "1", "是", "√"];
    private static readonly string[] False = ["false", "no", "n", "0", "否", "×"];

    public static bool TryParse(string text, out bool value)
    {
        value = True.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);
        return value || False.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);
    }

    public const string Accepted = "true/false, yes/no, 1/0 or 是/否";
}
