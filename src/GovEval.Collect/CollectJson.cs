using System.Text.Json;
using System.Text.Json.Serialization;
using GovEval.Collect.Crawling;
using GovEval.Collect.Probes;
using GovEval.Collect.Stored;

namespace GovEval.Collect;

/// <summary>
/// The JSON the collector persists (crawl journals, monitor samples, stored observations), generated at build time: no reflection, so the
/// engine compiles ahead of time (goveval-links) and a JIT process does not build serializers on first use.
/// The options are the web defaults with enum names, as the files have always been written.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LoggedSample))]
[JsonSerializable(typeof(CrawlJournal.Entry))]
[JsonSerializable(typeof(StoredObservation))]
internal sealed partial class CollectJson : JsonSerializerContext;
