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

    /// <summary>
    /// Writes the truth of a whole population site by site, so 14,475 sites never sit in memory at once;
    /// the bytes equal <see cref="Serialize"/> of <see cref="Server.SandboxServer.Truth"/>.
    /// </summary>
    public static void Write(Stream output, long seed, string now, IEnumerable<SiteTruth> sites)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder });
        writer.WriteStartObject();
        writer.WriteNumber("seed", seed);
        writer.WriteString("now", now);
        writer.WriteStartArray("sites");
        foreach (var site in sites)
        {
            JsonSerializer.Serialize(writer, site, Json);
            writer.Flush();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteFile(string path, Server.SandboxServer server) => WriteFile(path, server, NationalRules.Checks);

    /// <summary>The truth judged with these rule numbers (a framework's checks block).</summary>
    public static void WriteFile(string path, Server.SandboxServer server, Core.Frameworks.CheckParameters rules) => WriteFile(path, stream =>
        Write(stream, server.Population.Seed, Rendering.DateFormats.Iso(server.Today), server.Population.Sites.Select(e => TruthBuilder.Site(server.Site(e), rules))));

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void WriteFile(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
        {
            write(stream);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void WriteFile(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, content, new System.Text.UTF8Encoding(false));
        File.Move(temporary, full, overwrite: true);
    }
}
