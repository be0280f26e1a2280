using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GovEval.Sandbox.Truth;

/// <summary>Writes the truth as JSON (camelCase, Chinese unescaped), and routes as one connect-to rule a line.</summary>
public static class TruthWriter
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Serialize(SandboxTruth truth) => JsonSerializer.Serialize(truth, Json);

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void WriteFile(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, content, new System.Text.UTF8Encoding(false));
        File.Move(temporary, full, overwrite: true);
    }
}
