using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GovEval.Cli;

/// <summary>JSON as people read it: indented, Chinese left as Chinese.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
