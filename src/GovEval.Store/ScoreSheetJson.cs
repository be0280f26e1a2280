using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GovEval.Core.Scoring;

namespace GovEval.Store;

/// <summary>
/// The stored form of a whole score sheet. Enums are written as names and Chinese stays readable so a
/// sheet can be inspected in the database; reading it back gives an equal tree.
/// </summary>
public static class ScoreSheetJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // A sheet nests two levels per indicator level, as the framework file does: the default of 64 refused
        // sheets of frameworks the loader accepts (about 30 indicator levels), so allow whatever it may accept.
        MaxDepth = 2 * Core.Frameworks.FrameworkLimits.DepthCeiling,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(ScoreSheet sheet) => JsonSerializer.Serialize(sheet, Options);

    public static ScoreSheet Read(string json) =>
        JsonSerializer.Deserialize<ScoreSheet>(json, Options)
            ?? throw new InvalidDataException("a stored score sheet is empty (null JSON)");
}
