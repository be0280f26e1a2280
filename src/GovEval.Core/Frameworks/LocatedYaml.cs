using System.Globalization;
using System.Text.Json.Nodes;
using GovEval.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GovEval.Core.Frameworks;

/// <summary>
/// A YAML document as JSON (for schema validation) plus the line and column of every value, keyed by JSON
/// pointer, so any problem found later can be reported as file:line:column.
/// </summary>
public sealed class LocatedYaml
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    private LocatedYaml(string source, JsonNode? root)
    {
        Source = source;
        Root = root;
    }

    public string Source { get; }

    public JsonNode? Root { get; private set; }

    public static LocatedYaml Parse(TextReader reader, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InputException($"{source}:{e.Start.Line}:{e.Start.Column}", $"not valid YAML: {(e.InnerException ?? e).Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new InputException(source, $"expected one YAML document, found {stream.Documents.Count}");
        }

        var located = new LocatedYaml(source, null);
        located.Root = located.Convert(stream.Documents[0].RootNode, "");
        return located;
    }

    /// <summary>"file:line:column" for a JSON pointer, falling back to the nearest enclosing value.</summary>
    public string Where(string pointer)
    {
        var p = pointer;
        while (true)
        {
            if (positions.TryGetValue(p, out var at))
            {
                return $"{Source}:{at.Line}:{at.Column}";
            }

            if (p.Length == 0)
            {
                return Source;
            }

            p = p[..Math.Max(0, p.LastIndexOf('/'))];
        }
    }

    public (int Line, int Column) Position(string pointer) => positions.GetValueOrDefault(pointer, (0, 0));

    private JsonNode? Convert(YamlNode node, string pointer)
    {
        positions[pointer] = ((int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value
                        ?? throw new InputException($"{Source}:{key.Start.Line}:{key.Start.Column}", "keys must be plain names");
                    if (obj.ContainsKey(name))
                    {
                        throw new InputException($"{Source}:{key.Start.Line}:{key.Start.Column}", $"field '{name}' appears twice");
                    }

                    obj[name] = Convert(value, $"{pointer}/{Escape(name)}");
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, $"{pointer}/{i++}"));
                }

                return array;
            case YamlScalarNode scalar:
                return ScalarValue(scalar);
            default:
                throw new InputException($"{Source}:{node.Start.Line}:{node.Start.Column}", "aliases and tags are not supported in framework files");
        }
    }

    // Plain scalars carry YAML's types (numbers, booleans, null); quoted ones are always text.
    private static JsonNode? ScalarValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null")
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
