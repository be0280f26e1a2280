using System.Globalization;
using System.Text.Json.Nodes;
using GovEval.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GovEval.Core.Frameworks;

/// <summary>
/// A YAML document as JSON (for schema validation) plus the line and column of every value, keyed by JSON
/// pointer, so any problem found later can be reported as file:line:column.
/// </summary>
/// <remarks>
/// Built from the parser's events, one at a time and without recursion, rather than from YamlDotNet's node
/// model: that model expands aliases while it loads (a 9 KB "billion laughs" file becomes gigabytes) and
/// recurses once per nesting level (50,000 nested brackets overflow the stack), before any check of ours
/// could run. Here an anchor or alias is refused where it stands, and nesting is bounded as it opens.
/// </remarks>
public sealed class LocatedYaml
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    private LocatedYaml(string source)
    {
        Source = source;
    }

    public string Source { get; }

    public JsonNode? Root { get; private set; }

    /// <summary>The deepest nesting of lists and mappings in the document.</summary>
    public int Depth { get; private set; }

    public static LocatedYaml Parse(TextReader reader, string source, FrameworkLimits? limits = null)
    {
        limits ??= FrameworkLimits.Current;
        var located = new LocatedYaml(source);
        var scanner = new Scanner(new BoundedReader(reader, limits, source), skipComments: true);
        located.Build(new Events(new Parser(scanner), scanner, source), limits);
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

    private void Build(Events events, FrameworkLimits limits)
    {
        var open = new Stack<Collection>();
        var documents = 0;
        while (events.Next() is { } current)
        {
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        throw Refuse(current.Start, "expected one YAML document, found more than one");
                    }

                    break;
                case AnchorAlias:
                    throw Refuse(current.Start, "aliases are not supported in framework files: write the value out where it is used");
                case NodeEvent node when !node.Anchor.IsEmpty:
                    throw Refuse(current.Start, $"aliases are not supported in framework files (anchor '&{node.Anchor}'): write the value out where it is used");
                case NodeEvent node when !node.Tag.IsEmpty:
                    throw Refuse(current.Start, $"tags are not supported in framework files ('{node.Tag}'): quote a value to make it text");
                case Scalar scalar when open.TryPeek(out var parent) && parent.ExpectsKey:
                    parent.Key(scalar, this);
                    break;
                case Scalar scalar:
                    Attach(open, ScalarValue(scalar), current.Start);
                    break;
                case MappingStart or SequenceStart:
                    if (open.TryPeek(out var owner) && owner.ExpectsKey)
                    {
                        throw Refuse(current.Start, "keys must be plain names");
                    }

                    if (open.Count + 1 > limits.MaxDepth)
                    {
                        throw Refuse(current.Start, limits.DepthMessage);
                    }

                    var pointer = open.TryPeek(out var container) ? container.ChildPointer : "";
                    JsonNode collection = current is MappingStart ? new JsonObject() : new JsonArray();
                    Attach(open, collection, current.Start);
                    open.Push(new Collection(collection, pointer));
                    Depth = Math.Max(Depth, open.Count);
                    break;
                case MappingEnd or SequenceEnd:
                    open.Pop();
                    if (open.TryPeek(out var outer))
                    {
                        outer.Next();
                    }

                    break;
            }
        }

        if (documents == 0)
        {
            throw new InputException(Source, "expected one YAML document, found 0");
        }
    }

    /// <summary>Places a finished value (a scalar, or a list or mapping just opened) in its parent, recording where it starts.</summary>
    private void Attach(Stack<Collection> open, JsonNode? value, Mark start)
    {
        if (!open.TryPeek(out var parent))
        {
            // The parser emits one node per document; a second would be a second document, refused above.
            Root = value;
            positions[""] = Position(start);
            return;
        }

        positions[parent.ChildPointer] = Position(start);
        parent.Add(value);
        if (value is not (JsonObject or JsonArray))
        {
            parent.Next();
        }
    }

    private InputException Refuse(Mark at, string message) => new(At(Source, at), message);

    private static string At(string source, Mark at) => $"{source}:{at.Line}:{at.Column}";

    private static (int Line, int Column) Position(Mark at) => ((int)at.Line, (int)at.Column);

    // Plain scalars carry YAML's types (numbers, booleans, null); quoted ones are always text.
    private static JsonNode? ScalarValue(Scalar scalar)
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

    /// <summary>An open list or mapping: where its next child goes and, for a mapping, the key waiting for its value.</summary>
    private sealed class Collection(JsonNode node, string pointer)
    {
        private string? pendingKey;

        public bool ExpectsKey => node is JsonObject && pendingKey is null;

        public string ChildPointer => node is JsonObject
            ? $"{pointer}/{Escape(pendingKey!)}"
            : $"{pointer}/{((JsonArray)node).Count.ToString(CultureInfo.InvariantCulture)}";

        public void Key(Scalar key, LocatedYaml document)
        {
            var name = key.Value ?? "";
            if (((JsonObject)node).ContainsKey(name))
            {
                throw document.Refuse(key.Start, $"field '{name}' appears twice");
            }

            pendingKey = name;
        }

        public void Add(JsonNode? value)
        {
            if (node is JsonObject obj)
            {
                obj[pendingKey!] = value;
            }
            else
            {
                ((JsonArray)node).Add(value);
            }
        }

        /// <summary>The child is complete: a mapping waits for its next key.</summary>
        public void Next() => pendingKey = null;
    }

    /// <summary>The parser's events, its failures on bad text turned into located input errors.</summary>
    private sealed class Events(Parser parser, Scanner scanner, string source)
    {
        public ParsingEvent? Next()
        {
            try
            {
                return parser.MoveNext() ? parser.Current : null;
            }
            catch (YamlException e)
            {
                throw new InputException(At(source, e.Start), $"not valid YAML: {(e.InnerException ?? e).Message}");
            }
            catch (Exception e) when (e is not (InputException or OutOfMemoryException))
            {
                // Only the YAML library runs here (and BoundedReader, whose limit is an InputException): some
                // malformed text makes it fail with an exception of its own instead of a YamlException.
                throw new InputException(At(source, scanner.CurrentPosition), $"not valid YAML (the YAML reader stopped here: {e.Message})");
            }
        }
    }

    /// <summary>Counts what the parser reads, so a huge file is refused at the limit instead of held in memory.</summary>
    private sealed class BoundedReader(TextReader inner, FrameworkLimits limits, string source) : TextReader
    {
        private long read;

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            var c = inner.Read();
            if (c >= 0)
            {
                Count(1);
            }

            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Count(inner.Read(buffer, index, count));

        public override int Read(Span<char> buffer) => Count(inner.Read(buffer));

        private int Count(int n)
        {
            read += n;
            if (read > limits.MaxCharacters)
            {
                throw new InputException(source, limits.SizeMessage);
            }

            return n;
        }
    }
}
