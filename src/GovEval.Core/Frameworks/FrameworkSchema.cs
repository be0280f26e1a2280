using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GovEval.Core.Errors;
using Json.Schema;

namespace GovEval.Core.Frameworks;

/// <summary>
/// frameworks/framework.schema.json, the published shape of a framework file (editors can use it too).
/// Violations come back located in the YAML file.
/// </summary>
public static class FrameworkSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var reader = EmbeddedData.Open("frameworks", "framework.schema.json");
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    public static IReadOnlyList<InputException> Validate(LocatedYaml document)
    {
        // Through text rather than JsonSerializer: no reflection, so this also works in trimmed builds.
        // Both default to 64 levels; the document's own depth was already bounded by FrameworkLimits.
        var depth = Math.Max(64, document.Depth + 2);
        var text = (document.Root ?? new JsonObject()).ToJsonString(new JsonSerializerOptions { MaxDepth = depth });
        using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = depth });
        var element = json.RootElement;
        var results = Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<InputException>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            var schemaPath = detail.EvaluationPath.ToString();
            var message = Describe(pointer, schemaPath, errors);
            if (message is not null && seen.Add(pointer + message))
            {
                problems.Add(new InputException(document.Where(pointer), message));
            }
        }

        if (problems.Count == 0)
        {
            problems.Add(new InputException(document.Source, "does not match frameworks/framework.schema.json"));
        }

        return problems;
    }

    private static string? Describe(string pointer, string schemaPath, IReadOnlyDictionary<string, string> errors)
    {
        var field = pointer.Length == 0 ? "(document)" : pointer[(pointer.LastIndexOf('/') + 1)..];
        if (int.TryParse(field, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && pointer.LastIndexOf('/') > 0)
        {
            // An item of a list: name the list and the item's place in it (1-based, as a person counts).
            var list = pointer[..pointer.LastIndexOf('/')];
            field = $"{list[(list.LastIndexOf('/') + 1)..]}, item {index + 1}";
        }

        if (errors.ContainsKey("pattern") && pointer.StartsWith("/checks/download-extensions/", StringComparison.Ordinal))
        {
            return $"field '{field}': an extension is written in lower case without the dot, e.g. pdf";
        }

        if (schemaPath.EndsWith("/additionalProperties", StringComparison.Ordinal) || schemaPath.Contains("/additionalProperties/", StringComparison.Ordinal) && errors.ContainsKey("false"))
        {
            return $"unknown field '{field}'";
        }

        // oneOf/anyOf report their branches separately; the branch errors are clearer than the summary.
        if (errors.Keys.All(k => k is "oneOf" or "anyOf"))
        {
            return errors.ContainsKey("oneOf") && schemaPath.Contains("/deduct/", StringComparison.Ordinal)
                ? "a deduction names exactly one of 'finding' or 'measurement'"
                : null;
        }

        if (schemaPath.Contains("/oneOf/", StringComparison.Ordinal) || schemaPath.Contains("/anyOf/", StringComparison.Ordinal))
        {
            return null;
        }

        if (errors.Count == 1 && errors.TryGetValue("required", out var required)
            && Regex.Match(required, @"\[(.*)\]") is { Success: true } names)
        {
            var missing = names.Groups[1].Value.Replace("\"", "'", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal);
            var hint = missing.Contains("'verdict-needs'", StringComparison.Ordinal)
                ? " (verdict-needs states what a verdict needs, e.g. the homepage read and the vetoes measured: see docs/frameworks.md)"
                : "";
            return $"{(pointer.Length == 0 ? "the file" : $"field '{field}'")} lacks the required {missing}{hint}";
        }

        return $"field '{field}': {string.Join("; ", errors.Values)}";
    }
}
