using GovEval.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GovEval.Core.Registry;

/// <summary>Reads data/registry/cohorts.yaml (or a user's own cohorts file).</summary>
public static class CohortsFile
{
    public static IReadOnlyList<Cohort> Read(TextReader reader, string source)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        CohortsDocument document;
        try
        {
            document = deserializer.Deserialize<CohortsDocument>(reader) ?? new CohortsDocument();
        }
        catch (YamlException e)
        {
            throw new InputException($"{source}:{e.Start.Line}:{e.Start.Column}", (e.InnerException ?? e).Message);
        }

        var cohorts = new List<Cohort>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Cohorts.Count; i++)
        {
            var c = document.Cohorts[i];
            var where = $"{source}: cohorts[{i}]";
            if (string.IsNullOrWhiteSpace(c.Id) || !seen.Add(c.Id))
            {
                throw new InputException(where, $"field 'id' is missing or repeated ('{c.Id}')");
            }

            cohorts.Add(new Cohort(
                c.Id,
                Require(c.Name, where, "name"),
                c.Label ?? c.Name!,
                Parse<CohortResult>(c.Result, where, "result"),
                c.Top ?? 10,
                c.Precision ?? 1,
                Parse<TieOrder>(c.TieOrder ?? "official", where, "tieOrder"),
                c.Note ?? "",
                new CohortSelector(
                    (c.Members.Levels ?? []).Select(l => UnitsFile.TryParseLevel(l, out var level)
                        ? level
                        : throw new InputException(where, $"field 'members.levels': unknown level '{l}'")).ToList(),
                    c.Members.Kinds ?? [],
                    c.Members.Tags ?? [],
                    c.Members.AnyTags ?? [],
                    c.Members.ExcludeTags ?? [],
                    c.Members.Codes ?? [],
                    c.Members.ExcludeCodes ?? [])));
        }

        return cohorts;
    }

    private static string Require(string? value, string where, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InputException(where, $"field '{field}' is missing") : value;

    private static T Parse<T>(string? value, string where, string field)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InputException(where, $"field '{field}': '{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");

    private sealed class CohortsDocument
    {
        public List<CohortEntry> Cohorts { get; set; } = [];
    }

    private sealed class CohortEntry
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Label { get; set; }
        public string? Result { get; set; }
        public int? Top { get; set; }
        public int? Precision { get; set; }
        public string? TieOrder { get; set; }
        public string? Note { get; set; }
        public SelectorEntry Members { get; set; } = new();
    }

    private sealed class SelectorEntry
    {
        public List<string>? Levels { get; set; }
        public List<string>? Kinds { get; set; }
        public List<string>? Tags { get; set; }
        public List<string>? AnyTags { get; set; }
        public List<string>? ExcludeTags { get; set; }
        public List<string>? Codes { get; set; }
        public List<string>? ExcludeCodes { get; set; }
    }
}
