using System.Globalization;
using System.Text.Json.Nodes;
using GovEval.Core.Errors;
using GovEval.Core.Rules;

namespace GovEval.Core.Frameworks;

/// <summary>
/// Reads a framework file: YAML syntax, then the JSON schema, then the meaning (unique ids, points that add
/// up, known rule ids and measurements, gates that point somewhere). Every problem is reported with
/// file:line:column and the field; a file with any problem is refused whole.
/// </summary>
public static class FrameworkLoader
{
    public static Framework LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, "file does not exist");
        }

        using var reader = GovEval.Core.Text.UserTextFile.Open(path);
        return Load(reader, path);
    }

    /// <param name="limits">Nesting depth and size limits; default <see cref="FrameworkLimits.Current"/>.</param>
    public static Framework Load(TextReader reader, string source, FrameworkLimits? limits = null)
    {
        var document = LocatedYaml.Parse(reader, source, limits);
        var schemaProblems = FrameworkSchema.Validate(document);
        if (schemaProblems.Count > 0)
        {
            throw Refuse(schemaProblems);
        }

        var numberProblems = NumbersOutOfRange(document);
        if (numberProblems.Count > 0)
        {
            throw Refuse(numberProblems);
        }

        var builder = new Builder(document);
        var framework = builder.Build();
        return builder.Problems.Count > 0 ? throw Refuse(builder.Problems) : framework;
    }

    // Points, deductions, thresholds and curve bounds are small numbers. Bounding them keeps the engine's decimal
    // arithmetic (sums of points, value ÷ per × each, curve shares) from overflowing on a hostile file.
    private const decimal NumberLimit = 1_000_000_000m;
    private const int DecimalsLimit = 6;

    private static List<InputException> NumbersOutOfRange(LocatedYaml document)
    {
        var problems = new List<(int Line, int Column, InputException Problem)>();
        var stack = new Stack<(JsonNode? Node, string Pointer)>();
        stack.Push((document.Root, ""));
        while (stack.Count > 0)
        {
            var (node, pointer) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        stack.Push((value, $"{pointer}/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}"));
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        stack.Push((array[i], $"{pointer}/{i}"));
                    }

                    break;
                case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number
                                          && value.GetValue<decimal>() is var number
                                          && (Math.Abs(number) > NumberLimit || Math.Round(number, DecimalsLimit) != number):
                    var field = pointer[(pointer.LastIndexOf('/') + 1)..];
                    var (line, column) = document.Position(pointer);
                    problems.Add((line, column, new InputException(document.Where(pointer),
                        $"field '{field}': {number.ToString(CultureInfo.InvariantCulture)} is out of range (numbers in a framework lie within ±{NumberLimit.ToString("N0", CultureInfo.InvariantCulture)} with at most {DecimalsLimit} decimals)")));
                    break;
            }
        }

        return problems.OrderBy(p => p.Line).ThenBy(p => p.Column).Select(p => p.Problem).ToList();
    }

    private static InputException Refuse(IReadOnlyList<InputException> problems) =>
        problems.Count == 1 ? problems[0] : new InputException(problems);

    private sealed class Builder(LocatedYaml document)
    {
        private readonly HashSet<string> ids = new(StringComparer.Ordinal);

        public List<InputException> Problems { get; } = [];

        public Framework Build()
        {
            var root = (JsonObject)document.Root!;
            var defaultMissing = ParseMissing(root["when-missing"]) ?? MissingPolicy.Exclude;
            var children = ReadChildren(root["indicators"]!.AsArray(), "/indicators", defaultMissing, (bool?)root["confirmed"] ?? true);
            var rootIndicator = new Indicator(
                "total", (string)root["name"]!, RuleKind.Group, Sum(children), children, null, null,
                Int(root["precision"]), defaultMissing, [], null, false, [], null, null, null, null, null, null, null, 1, 1);
            var grades = ReadGrades(root["grades"] as JsonArray);
            var release = root["release"] as JsonObject;
            var framework = new Framework(
                (string)root["id"]!,
                (string)root["version"]!,
                (string)root["name"]!,
                (string?)root["basis"],
                (decimal)root["max"]!,
                Int(root["precision"]) ?? 1,
                (string?)root["grade-basis"],
                grades,
                (string?)root["veto-grade"],
                new ReleaseTexts(
                    (string?)release?["title"],
                    (string?)release?["grade-list-title"],
                    (string?)release?["top-list-title"],
                    (string?)release?["full-list-title"]),
                rootIndicator,
                document.Source,
                (bool?)root["confirmed"] ?? true)
            {
                VerdictNeeds = ReadNeeds(root["verdict-needs"] as JsonArray),
                Checks = ReadChecks(root["checks"] as JsonObject),
                Stability = ReadStability(release?["stability"] as JsonObject),
            };
            CheckReferences(framework);
            CheckWebsiteRules(framework);
            CheckNeeds(framework);
            CheckCycles(framework);
            return framework;
        }

        private List<Indicator> ReadChildren(JsonArray array, string pointer, MissingPolicy inherited, bool inheritedConfirmed)
        {
            var list = new List<Indicator>();
            for (var i = 0; i < array.Count; i++)
            {
                list.Add(ReadIndicator(array[i]!.AsObject(), $"{pointer}/{i}", inherited, inheritedConfirmed));
            }

            return list;
        }

        private Indicator ReadIndicator(JsonObject node, string pointer, MissingPolicy inherited, bool inheritedConfirmed)
        {
            var id = (string)node["id"]!;
            if (!ids.Add(id) || id == "total")
            {
                Problem($"{pointer}/id", $"field 'id': '{id}' is {(id == "total" ? "reserved for the whole framework" : "used twice")}");
            }

            var missing = ParseMissing(node["when-missing"]) ?? inherited;
            // Confirmation is per number: a confirmed group weight says nothing about its leaves.
            var confirmed = (bool?)node["confirmed"] ?? inheritedConfirmed;
            var children = node["children"] is JsonArray childArray ? ReadChildren(childArray, $"{pointer}/children", missing, inheritedConfirmed) : [];
            var rule = node["rule"] is { } r ? Enum.Parse<RuleKind>(((string)r!).Replace("-", ""), ignoreCase: true) : RuleKind.Group;
            decimal? points = (decimal?)node["points"];
            if (children.Count > 0 && rule != RuleKind.Group)
            {
                Problem($"{pointer}/rule", $"field 'rule': '{id}' has children, so it is a group, not '{(string?)node["rule"]}'");
            }

            if (children.Count == 0 && rule == RuleKind.Group)
            {
                Problem(pointer, $"indicator '{id}' has neither children nor a rule");
            }

            if (rule == RuleKind.Group && points is { } declared && children.Count > 0 && Sum(children) != declared)
            {
                Problem($"{pointer}/points", $"field 'points': group '{id}' declares {declared} but its children add up to {Sum(children)}");
            }

            var (line, column) = document.Position(pointer);
            var indicator = new Indicator(
                id,
                (string)node["name"]!,
                rule,
                points ?? (rule == RuleKind.Group ? Sum(children) : 0),
                children,
                ReadCondition(node["applies-when"] as JsonObject),
                node["gate"] is JsonObject gate ? new Gate((string)gate["indicator"]!, (decimal)gate["above"]!) : null,
                Int(node["precision"]),
                missing,
                (node["findings"] as JsonArray)?.Select(f => (string)f!).ToList() ?? [],
                (string?)node["input"],
                (string?)node["confirm"] == "input",
                ReadDeductions(node["deduct"] as JsonArray, $"{pointer}/deduct"),
                (string?)node["measurement"],
                ReadCurve(node["curve"] as JsonObject, rule, $"{pointer}/curve"),
                (node["options"] as JsonObject)?.ToDictionary(o => o.Key, o => (decimal)o.Value!, StringComparer.Ordinal),
                (decimal?)node["min"],
                (decimal?)node["max"],
                (string?)node["statistic"],
                (string?)node["description"],
                line,
                column,
                confirmed)
            {
                Redistribute = (string?)node["redistribute"] == "even" ? Redistribution.Even : Redistribution.Proportional,
            };
            if (node["redistribute"] is not null && rule != RuleKind.Group)
            {
                Problem($"{pointer}/redistribute", $"field 'redistribute': '{id}' is a leaf; only a group hands the points of its children that do not apply to the others");
            }

            CheckLeaf(indicator, node, pointer);
            return indicator;
        }

        private void CheckLeaf(Indicator leaf, JsonObject node, string pointer)
        {
            switch (leaf.Rule)
            {
                case RuleKind.Veto:
                    if (leaf.Findings.Count == 0 && node["input"] is null)
                    {
                        Problem(pointer, $"veto '{leaf.Id}' needs 'findings' (rule ids) or 'input'");
                    }

                    if (leaf.Points != 0)
                    {
                        Problem($"{pointer}/points", "field 'points': a veto is worth no points, it fails the unit");
                    }

                    break;
                case RuleKind.Deduct:
                    if (leaf.Deductions.Count == 0)
                    {
                        Problem(pointer, $"deduction '{leaf.Id}' needs a 'deduct' list");
                    }

                    RequirePoints(leaf, pointer);
                    break;
                case RuleKind.Metric:
                    if (leaf.Measurement is null || leaf.Curve is null)
                    {
                        Problem(pointer, $"metric '{leaf.Id}' needs 'measurement' and 'curve'");
                    }

                    RequirePoints(leaf, pointer);
                    break;
                case RuleKind.Expert or RuleKind.Bonus:
                    RequirePoints(leaf, pointer);
                    if (leaf.Options is null && leaf.Findings.Count == 0 && leaf.InputMax is { } max && max > leaf.Points)
                    {
                        Problem($"{pointer}/max", $"field 'max': an entered value is points and cannot exceed the leaf's {leaf.Points}");
                    }

                    break;
                case RuleKind.Survey:
                    RequirePoints(leaf, pointer);
                    break;
            }

            if (leaf.Options is { } options)
            {
                foreach (var (option, value) in options.Where(o => o.Value > leaf.Points))
                {
                    Problem($"{pointer}/options/{option}", $"field 'options': '{option}' is worth {value}, more than the leaf's {leaf.Points} points");
                }
            }

            if (leaf.Measurement is { } m && !MeasurementCatalogue.IsKnown(m))
            {
                Problem($"{pointer}/measurement", $"field 'measurement': unknown measurement '{m}' (known: {string.Join(", ", MeasurementCatalogue.All.Select(x => x.Name))})");
            }

            for (var i = 0; i < leaf.Findings.Count; i++)
            {
                if (!RuleCatalogue.IsKnown(leaf.Findings[i]))
                {
                    Problem($"{pointer}/findings/{i}", $"field 'findings': '{leaf.Findings[i]}' is not a rule id of the check catalogue (RULES.md)");
                }
            }
        }

        private void RequirePoints(Indicator leaf, string pointer)
        {
            if (leaf.Points <= 0)
            {
                Problem($"{pointer}/points", $"field 'points': '{leaf.Id}' must be worth more than 0 points");
            }
        }

        private List<Deduction> ReadDeductions(JsonArray? array, string pointer)
        {
            var list = new List<Deduction>();
            for (var i = 0; i < (array?.Count ?? 0); i++)
            {
                var d = array![i]!.AsObject();
                var deduction = new Deduction((string?)d["finding"], (string?)d["measurement"], (decimal)d["each"]!, (decimal?)d["per"]);
                if (deduction.Finding is { } f && !RuleCatalogue.IsKnown(f))
                {
                    Problem($"{pointer}/{i}/finding", $"field 'finding': '{f}' is not a rule id of the check catalogue (RULES.md)");
                }

                if (deduction.Measurement is { } m && !MeasurementCatalogue.IsKnown(m))
                {
                    Problem($"{pointer}/{i}/measurement", $"field 'measurement': unknown measurement '{m}'");
                }

                list.Add(deduction);
            }

            return list;
        }

        private Curve? ReadCurve(JsonObject? node, RuleKind rule, string pointer)
        {
            if (node is null)
            {
                // A survey without a curve reads a 0–100 satisfaction rate linearly.
                return rule == RuleKind.Survey ? new Curve(CurveKind.Linear, true, [], 0, 100, 0, 0) : null;
            }

            var kind = (string)node["kind"]! switch
            {
                "steps" => CurveKind.Steps,
                "linear" => CurveKind.Linear,
                _ => CurveKind.LogNormal,
            };
            var higher = (string?)node["better"] != "lower";
            var steps = (node["steps"] as JsonArray)?.Select(s => new CurveStep((decimal)s!["at"]!, (decimal)s["points"]!)).ToList() ?? [];
            var curve = new Curve(kind, higher, steps, (decimal?)node["zero"] ?? 0, (decimal?)node["full"] ?? 0, (decimal?)node["p10"] ?? 0, (decimal?)node["median"] ?? 0);
            switch (kind)
            {
                case CurveKind.Steps when steps.Count == 0:
                    Problem(pointer, "field 'steps': a step curve needs at least one step");
                    break;
                case CurveKind.Linear when curve.Zero == curve.Full:
                    Problem(pointer, "fields 'zero' and 'full': a linear curve needs two different values");
                    break;
                case CurveKind.LogNormal when !(curve.P10 > 0 && curve.P10 < curve.Median):
                    Problem(pointer, "fields 'p10' and 'median': a log-normal curve needs 0 < p10 < median (lower values are better)");
                    break;
            }

            return curve;
        }

        private List<GradeBand> ReadGrades(JsonArray? array)
        {
            var bands = new List<GradeBand>();
            for (var i = 0; i < (array?.Count ?? 0); i++)
            {
                var g = array![i]!.AsObject();
                var band = new GradeBand((string)g["name"]!, (string?)g["label"] ?? (string)g["name"]!, (decimal?)g["min"]);
                if (bands.Any(b => b.Name == band.Name))
                {
                    Problem($"/grades/{i}/name", $"field 'name': grade '{band.Name}' is listed twice");
                }

                if (band.Min is null && i != array.Count - 1)
                {
                    Problem($"/grades/{i}", $"grade '{band.Name}' has no 'min'; only the lowest grade may omit it");
                }

                if (band.Min is { } min && bands.LastOrDefault()?.Min is { } previous && min >= previous)
                {
                    Problem($"/grades/{i}/min", $"field 'min': grades go from best to worst, but {min} is not below {previous}");
                }

                bands.Add(band);
            }

            return bands;
        }

        private void CheckReferences(Framework framework)
        {
            if (framework.GradeBasis is { } basis && framework.Find(basis) is null)
            {
                Problem("/grade-basis", $"field 'grade-basis': no indicator '{basis}'");
            }

            var computedMax = framework.Root.Children.Sum(c => c.Points);
            if (computedMax != framework.Max)
            {
                Problem("/max", $"field 'max': the indicators add up to {computedMax}, not {framework.Max}");
            }

            foreach (var indicator in framework.Indicators())
            {
                if (indicator.Gate is { } gate)
                {
                    var target = framework.Find(gate.Indicator);
                    if (target is null || indicator.Descendants().Contains(target))
                    {
                        Problem(PointerOf(framework, indicator) + "/gate/indicator", $"field 'gate.indicator': '{gate.Indicator}' is not an indicator outside '{indicator.Id}'");
                    }
                }
            }
        }

        /// <summary>
        /// The checks block, whose shape and bounds the schema already enforced (every key present, each a number in
        /// range); here only what relates two keys.
        /// </summary>
        private CheckParameters? ReadChecks(JsonObject? node)
        {
            if (node is null)
            {
                return null;
            }

            int Whole(string key) => (int)(decimal)node[key]!;
            var parameters = new CheckParameters
            {
                HomepageTimeout = TimeSpan.FromSeconds((double)(decimal)node["homepage-timeout-seconds"]!),
                MonitorDays = (decimal)node["monitor-days"]!,
                MonitorVisitsPerDay = Whole("monitor-visits-per-day"),
                UnreachableSharePercent = (decimal)node["unreachable-share-percent"]!,
                HomepageWindowDays = Whole("homepage-window-days"),
                HomepageMinNewItems = Whole("homepage-min-new-items"),
                NewsPeriodDays = Whole("news-period-days"),
                NoticePolicyPeriodMonths = Whole("notice-policy-period-months"),
                PersonnelPlanPeriodMonths = Whole("personnel-plan-period-months"),
                VetoStaleCoreColumns = Whole("veto-stale-core-columns"),
                VetoStaleColumns = Whole("veto-stale-columns"),
                VetoBlankColumns = Whole("veto-blank-columns"),
                UnansweredAfterMonths = Whole("unanswered-after-months"),
                UnansweredWithinMonths = Whole("unanswered-within-months"),
                SlowReplyDays = Whole("slow-reply-days"),
                DownloadExtensions = node["download-extensions"]!.AsArray().Select(e => (string)e!).ToList(),
            };
            if (parameters.UnansweredAfterMonths >= parameters.UnansweredWithinMonths)
            {
                Problem("/checks/unanswered-after-months",
                    $"field 'unanswered-after-months': {parameters.UnansweredAfterMonths} months is not shorter than 'unanswered-within-months' ({parameters.UnansweredWithinMonths}), so no message could ever count as unanswered");
            }

            // One visit per slot, and a visit may last up to the timeout: slots no longer than that would overlap.
            var slotSeconds = 86_400m / parameters.MonitorVisitsPerDay;
            if (slotSeconds <= (decimal)parameters.HomepageTimeout.TotalSeconds)
            {
                Problem("/checks/monitor-visits-per-day",
                    $"field 'monitor-visits-per-day': {parameters.MonitorVisitsPerDay} visits a day leave {slotSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s between visits, not more than a visit may last ('homepage-timeout-seconds')");
            }

            return parameters;
        }

        /// <summary>
        /// A framework that scores website findings or measurements judges websites, so it must say with which
        /// numbers: without a checks block they would come from nowhere (or from code, which the project forbids).
        /// </summary>
        private void CheckWebsiteRules(Framework framework)
        {
            if (framework.Checks is not null)
            {
                return;
            }

            var reader = framework.Indicators().FirstOrDefault(i => i.Findings.Count > 0 || i.Measurement is not null || i.Deductions.Count > 0);
            if (reader is null)
            {
                return;
            }

            var what = reader.Findings.FirstOrDefault() ?? reader.Measurement ?? reader.Deductions[0].Finding ?? reader.Deductions[0].Measurement;
            Problem(PointerOf(framework, reader),
                $"indicator '{reader.Id}' scores the website check '{what}', but the framework has no 'checks' block: the website checks take every number of the rules " +
                "(homepage timeout, monitoring window, update periods, veto counts) from it. Copy the block of frameworks/gov-website-check-2019.yaml and adjust it (docs/frameworks.md)");
        }

        /// <summary>release.stability; the schema has checked the fields, only the order of the percentiles is left.</summary>
        private StabilitySettings? ReadStability(JsonObject? node)
        {
            if (node is null)
            {
                return null;
            }

            var percentiles = node["percentiles"]!.AsArray();
            var (low, high) = ((int)(decimal)percentiles[0]!, (int)(decimal)percentiles[1]!);
            if (low >= high)
            {
                Problem("/release/stability/percentiles", $"field 'percentiles': the low percentile ({low}) must be below the high one ({high})");
            }

            return new StabilitySettings((decimal)node["spread"]!, (int)(decimal)node["samples"]!, (long)(decimal)node["seed"]!, low, high);
        }

        private List<VerdictNeed> ReadNeeds(JsonArray? array)
        {
            var needs = new List<VerdictNeed>();
            for (var i = 0; i < (array?.Count ?? 0); i++)
            {
                var need = array![i]!.AsObject();
                var (line, column) = document.Position($"/verdict-needs/{i}");
                needs.Add(new VerdictNeed(
                    (string)need["name"]!,
                    need["indicators"]!.AsArray().Select(x => (string)x!).ToList(),
                    (string?)need["measured"] == "any" ? NeedCoverage.Any : NeedCoverage.All,
                    line,
                    column));
            }

            return needs;
        }

        private void CheckNeeds(Framework framework)
        {
            for (var i = 0; i < framework.VerdictNeeds.Count; i++)
            {
                var need = framework.VerdictNeeds[i];
                for (var j = 0; j < need.Indicators.Count; j++)
                {
                    if (framework.Find(need.Indicators[j]) is null)
                    {
                        Problem($"/verdict-needs/{i}/indicators/{j}", $"field 'indicators': no indicator '{need.Indicators[j]}' (verdict need '{need.Name}')");
                    }
                }
            }
        }

        /// <summary>Gates that come back around (Part 2 gated on Part 3 and Part 3 on Part 2) would leave no indicator to score first.</summary>
        private void CheckCycles(Framework framework)
        {
            foreach (var cycle in GateCycles.Find(framework))
            {
                // A gate on the indicator itself or on one of its own children is refused above, more plainly.
                if (cycle is [{ ThroughGate: true } only] && ReferenceEquals(only.From, only.To))
                {
                    continue;
                }

                var steps = cycle.Select(s => $"'{s.From.Id}' ({Where(s.From)}) {(s.ThroughGate ? "is gated on" : "contains")} '{s.To.Id}'");
                Problem(
                    PointerOf(framework, cycle[0].From) + "/gate/indicator",
                    $"field 'gate.indicator': gates form a cycle, so none of these indicators can be scored first: {string.Join(", ", steps)}");
            }
        }

        private string Where(Indicator indicator) => $"{document.Source}:{indicator.Line}:{indicator.Column}";

        private string PointerOf(Framework framework, Indicator indicator)
        {
            string? Search(IReadOnlyList<Indicator> list, string prefix)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var here = $"{prefix}/{i}";
                    if (ReferenceEquals(list[i], indicator))
                    {
                        return here;
                    }

                    if (Search(list[i].Children, here + "/children") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }

            return Search(framework.Root.Children, "/indicators") ?? "";
        }

        private static Condition? ReadCondition(JsonObject? node) =>
            node is null
                ? null
                : new Condition(node.ToDictionary(
                    f => f.Key,
                    f => (IReadOnlyList<string>)(f.Value is JsonArray values
                        ? values.Select(v => ScalarText(v)).ToList()
                        : [ScalarText(f.Value)]),
                    StringComparer.Ordinal));

        private static string ScalarText(JsonNode? value) =>
            value?.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.True => "true",
                System.Text.Json.JsonValueKind.False => "false",
                _ => value?.ToString() ?? "",
            };

        private static MissingPolicy? ParseMissing(JsonNode? node) =>
            node is null ? null : Enum.Parse<MissingPolicy>((string)node!, ignoreCase: true);

        private static int? Int(JsonNode? node) => node is null ? null : (int)(decimal)node;

        private static decimal Sum(IEnumerable<Indicator> children) => children.Sum(c => c.Points);

        private void Problem(string pointer, string message) => Problems.Add(new InputException(document.Where(pointer), message));
    }
}
