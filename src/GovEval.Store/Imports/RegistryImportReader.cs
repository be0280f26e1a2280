using System.Globalization;
using System.Text.RegularExpressions;
using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Core.Tables;

namespace GovEval.Store.Imports;

/// <summary>
/// Reads a registry import table (CSV, XLSX or JSON) against the registry of its year. A row adds a unit
/// (a new code), changes a unit (a known code with different fields) and/or adds a channel to a unit named
/// by code or by name. Every row is checked before anything is returned; all bad rows are reported together
/// with file:row:column, so a file is taken whole or not at all.
/// </summary>
public static partial class RegistryImportReader
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["code"] = ["code", "代码", "编码", "区划代码", "单位代码"],
        ["name"] = ["name", "名称", "单位", "单位名称"],
        ["short"] = ["short", "简称"],
        ["level"] = ["level", "层级", "级别"],
        ["kind"] = ["kind", "类型", "单位类型"],
        ["parent"] = ["parent", "上级", "上级单位"],
        ["order"] = ["order", "排序"],
        ["tags"] = ["tags", "标签"],
        ["channel"] = ["channel", "渠道", "渠道类型"],
        ["channel-name"] = ["channel-name", "渠道名称"],
        ["url"] = ["url", "网址"],
        ["account"] = ["account", "账号", "帐号"],
        ["portal"] = ["portal", "门户"],
        ["services"] = ["services", "办事服务"],
    };

    private static readonly Dictionary<string, UnitLevel> LevelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["central"] = UnitLevel.Central,
        ["中央"] = UnitLevel.Central,
        ["province"] = UnitLevel.Province,
        ["省级"] = UnitLevel.Province,
        ["prefecture"] = UnitLevel.Prefecture,
        ["地市级"] = UnitLevel.Prefecture,
        ["市级"] = UnitLevel.Prefecture,
        ["county"] = UnitLevel.County,
        ["区县级"] = UnitLevel.County,
        ["县级"] = UnitLevel.County,
    };

    /// <summary>Unit kinds beyond those of the shipped registry: local government departments (省级政府部门 …).</summary>
    private static readonly string[] ExtraKinds = ["department"];

    private static readonly char[] TagSeparators = [',', '，', '、', ';', '；'];

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex DivisionCode();

    /// <param name="allowInternalHosts">Accept websites on internal hosts (intranet assessments); see <see cref="WebsiteAddress"/>.</param>
    public static RegistryImport Read(string path, UnitRegistry registry, bool allowInternalHosts = false) =>
        Read(TableReader.Read(path), registry, allowInternalHosts);

    /// <param name="allowInternalHosts">Accept websites on internal hosts (intranet assessments); see <see cref="WebsiteAddress"/>.</param>
    public static RegistryImport Read(Table table, UnitRegistry registry, bool allowInternalHosts = false)
    {
        var columns = ColumnMap.Build(table, Aliases);
        if (!columns.Has("code") && !columns.Has("name"))
        {
            table.RequireColumn([.. Aliases["code"], .. Aliases["name"]]);
        }

        return new Reading(table, registry, columns, allowInternalHosts).Run();
    }

    /// <summary>The unit fields a row gives (null where the cell is empty) and its channel, parsed but not yet resolved.</summary>
    private sealed record RawRow(
        TableRow Row,
        string? Code,
        string? Name,
        string? Short,
        UnitLevel? Level,
        string? Kind,
        string? Parent,
        long? Order,
        IReadOnlyList<string>? Tags,
        RawChannel? Channel)
    {
        public bool HasUnitFields => Short is not null || Level is not null || Kind is not null || Parent is not null || Order is not null || Tags is not null;
    }

    private sealed record RawChannel(ChannelKind Kind, string? Name, string? Url, string? Account, bool Portal, bool Services);

    private sealed class Reading(Table table, UnitRegistry registry, ColumnMap columns, bool allowInternalHosts)
    {
        private readonly List<(int Row, InputException Problem)> problems = [];
        private readonly HashSet<string> knownKinds = registry.Units.Select(u => u.Kind).Concat(ExtraKinds).ToHashSet(StringComparer.Ordinal);

        // Units this file adds or changes, by code, with the row that first defined them.
        private readonly Dictionary<string, (Unit Unit, TableRow Row)> defined = new(StringComparer.Ordinal);

        // Name indexes, built once when first needed: looking names up by scanning every row made imports quadratic.
        private Dictionary<string, List<string>>? definedByName;
        private Dictionary<string, List<string>>? newByName;
        private string? kindList;

        public RegistryImport Run()
        {
            var rows = table.Rows.Select(Parse).ToList();
            var newCodes = rows.Where(r => r.Code is not null && !registry.Contains(r.Code)).ToLookup(r => r.Code!, StringComparer.Ordinal);
            var drafts = Drafts(rows, newCodes);
            BuildInOrder(drafts);
            var targets = rows.Select(r => (Raw: r, Code: Target(r))).ToList();
            CheckRepeats(targets);
            var channels = Channels(targets);
            if (problems.Count > 0)
            {
                var ordered = problems.OrderBy(p => p.Row).Select(p => p.Problem).ToList();
                throw ordered.Count == 1 ? ordered[0] : new InputException(ordered);
            }

            var changed = defined.Values
                .Where(d => registry.Find(d.Unit.Code) is not { } known || !SameUnit(known, d.Unit))
                .OrderBy(d => d.Row.Row)
                .Select(d => new ImportedUnit(d.Unit, $"{d.Row.Source}:{d.Row.Row}"))
                .ToList();
            return new RegistryImport(registry.Year, changed, channels);
        }

        private RawRow Parse(TableRow row)
        {
            var code = columns.Get(row, "code");
            if (code is not null && !CodePattern().IsMatch(code))
            {
                Problem(row, "code", $"'{code}' is not a unit code: letters, digits, '-' or '_', at most 32");
                code = null;
            }

            var name = columns.Get(row, "name");
            if (code is null && name is null && columns.Get(row, "code") is null)
            {
                Problem(row, columns.Has("code") ? "code" : "name", "give the unit's code (a new or known unit) or its name (a known unit)");
            }

            UnitLevel? level = null;
            if (columns.Get(row, "level") is { } levelText)
            {
                if (LevelNames.TryGetValue(levelText, out var parsed))
                {
                    level = parsed;
                }
                else
                {
                    Problem(row, "level", $"'{levelText}' is not a level: central, province, prefecture or county (中央, 省级, 地市级, 区县级)");
                }
            }

            var kind = columns.Get(row, "kind");
            if (kind is not null && !knownKinds.Contains(kind))
            {
                Problem(row, "kind", $"'{kind}' is not a unit kind; known: {kindList ??= string.Join(", ", knownKinds.Order(StringComparer.Ordinal))}");
                kind = null;
            }

            long? order = null;
            if (columns.Get(row, "order") is { } orderText)
            {
                if (long.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    order = parsed;
                }
                else
                {
                    Problem(row, "order", $"'{orderText}' is not a whole number");
                }
            }

            var tags = columns.Get(row, "tags")?.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new RawRow(row, code, name, columns.Get(row, "short"), level, kind, columns.Get(row, "parent"), order, tags, ParseChannel(row));
        }

        private RawChannel? ParseChannel(TableRow row)
        {
            var kindText = columns.Get(row, "channel");
            var url = columns.Get(row, "url");
            var account = columns.Get(row, "account");
            var name = columns.Get(row, "channel-name");
            var portalText = columns.Get(row, "portal");
            var servicesText = columns.Get(row, "services");
            if (kindText is null && url is null && account is null)
            {
                foreach (var (field, value) in new[] { ("channel-name", name), ("portal", portalText), ("services", servicesText) })
                {
                    if (value is not null)
                    {
                        Problem(row, field, "describes a channel, but the row gives none: fill in channel and url or account");
                    }
                }

                return null;
            }

            ChannelKind kind;
            if (kindText is null)
            {
                if (url is null)
                {
                    Problem(row, "channel", "an account needs its channel: app, weibo or wechat (微博, 微信)");
                    return null;
                }

                kind = ChannelKind.Website;
            }
            else if (!ChannelKinds.TryParse(kindText, out kind))
            {
                Problem(row, "channel", $"'{kindText}' is not a channel: {string.Join(", ", ChannelKinds.Ids)} (or 网站, 微博, 微信, 数据开放平台, 政务服务平台)");
                return null;
            }

            var ok = true;
            var needsUrl = kind is ChannelKind.Website or ChannelKind.DataPortal or ChannelKind.ServicePlatform;
            if (needsUrl && url is null)
            {
                Problem(row, "url", $"a {kind.ToId()} needs its address: an absolute http(s) URL");
                ok = false;
            }

            if (!needsUrl && account is null)
            {
                Problem(row, "account", $"a {kind.ToId()} channel needs its account name");
                ok = false;
            }

            if (url is not null && WebsiteAddress.Problem(url, allowInternalHosts) is { } problem)
            {
                Problem(row, "url", problem);
                ok = false;
            }

            var portal = Flag(row, "portal", portalText, fallback: false, ref ok);
            var services = Flag(row, "services", servicesText, fallback: true, ref ok);
            return ok ? new RawChannel(kind, name, url, account, portal, services) : null;
        }

        private bool Flag(TableRow row, string field, string? text, bool fallback, ref bool ok)
        {
            if (text is null)
            {
                return fallback;
            }

            if (Booleans.TryParse(text, out var value))
            {
                return value;
            }

            Problem(row, field, $"'{text}' is not yes or no: use {Booleans.Accepted}");
            ok = false;
            return fallback;
        }

        /// <summary>A unit as its first defining row describes it, before parents are resolved.</summary>
        private sealed record Draft(RawRow Raw, Unit? Known, string Name, UnitLevel Level, string Kind, string? Parent);

        private List<Draft> Drafts(List<RawRow> rows, ILookup<string, RawRow> newCodes)
        {
            var drafts = new List<Draft>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row0 in rows)
            {
                var raw = row0;

                // A known unit named by code or name is changed only when the row gives unit fields; the first
                // such row defines the change, later rows must agree (CheckRepeats).
                var known = raw.Code is not null ? registry.Find(raw.Code) : null;
                var isNew = raw.Code is not null && known is null;
                var changesKnown = known is not null && (raw.HasUnitFields || (raw.Name is not null && raw.Name != known.Name && raw.Name != known.Short));
                if (!(isNew || changesKnown) || !seen.Add(raw.Code!))
                {
                    continue;
                }

                var code = raw.Code!;
                if (isNew && raw.Name is null && newCodes[code].FirstOrDefault(r => r.Name is not null) is { } named)
                {
                    raw = named; // a new unit is defined by its first row that names it; the others add channels
                }

                var row = raw.Row;
                var name = raw.Name ?? known?.Name;
                if (name is null)
                {
                    Problem(row, "name", $"'{code}' is not a known unit: a new unit needs its name");
                    continue;
                }

                var isDivision = DivisionCode().IsMatch(code);
                var level = raw.Level ?? known?.Level ?? (isDivision ? DivisionNames.LevelOf(code) : null);
                if (level is null)
                {
                    Problem(row, "level", $"'{code}' is not a GB/T 2260 division code, so its level must be given: central, province, prefecture or county");
                    continue;
                }

                var kind = raw.Kind ?? known?.Kind ?? (isDivision ? DivisionNames.KindOf(code, name) : null);
                if (kind is null)
                {
                    Problem(row, "kind", $"'{code}' is not a GB/T 2260 division code, so its kind must be given, e.g. {string.Join(", ", ExtraKinds)}");
                    continue;
                }

                string? parent;
                if (raw.Parent is not null)
                {
                    parent = ResolveParent(raw, rows, newCodes);
                    if (parent is null)
                    {
                        continue;
                    }
                }
                else
                {
                    parent = known is not null ? known.Parent : isDivision ? DivisionParent(code, newCodes) : null;
                }

                drafts.Add(new Draft(raw, known, name, level.Value, kind, parent));
            }

            return drafts;
        }

        private string? ResolveParent(RawRow raw, List<RawRow> rows, ILookup<string, RawRow> newCodes)
        {
            var text = raw.Parent!;
            if (text == raw.Code)
            {
                Problem(raw.Row, "parent", "a unit cannot be its own parent");
                return null;
            }

            if (registry.Contains(text) || newCodes.Contains(text))
            {
                return text;
            }

            var matches = registry.Lookup(text).Select(u => u.Code)
                .Concat(NewNamed(text, rows, newCodes))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            switch (matches.Count)
            {
                case 1:
                    return matches[0];
                case 0:
                    Problem(raw.Row, "parent", $"unknown parent '{text}': give the code or name of a unit of the {registry.Year} registry or of this file");
                    return null;
                default:
                    Problem(raw.Row, "parent", $"parent '{text}' is ambiguous ({Describe(matches)}): give its code");
                    return null;
            }
        }

        /// <summary>The enclosing division of a GB/T 2260 code, when the registry or this file has it.</summary>
        private string? DivisionParent(string code, ILookup<string, RawRow> newCodes)
        {
            bool Exists(string c) => registry.Contains(c) || newCodes.Contains(c);
            return DivisionNames.LevelOf(code) switch
            {
                UnitLevel.County when Exists(code[..4] + "00") => code[..4] + "00",
                UnitLevel.County or UnitLevel.Prefecture when Exists(code[..2] + "0000") => code[..2] + "0000",
                _ => null,
            };
        }

        /// <summary>
        /// Builds drafts parents first, so short names and default orders can use the parent. The registry's shape
        /// (every unit's final parent) is settled before any order is given out, so a default order means "after the
        /// last unit under the parent" in the registry as it will be; a unit whose parents lead back to itself is
        /// refused. Iterative throughout: a file may nest units as deep as it likes without exhausting the stack.
        /// </summary>
        private void BuildInOrder(List<Draft> drafts)
        {
            var byCode = drafts.ToDictionary(d => d.Raw.Code!, StringComparer.Ordinal);

            // Drafts whose parents reach the top, parents first. A draft whose parent's own row was bad is left out
            // silently (that row is reported); one on a cycle of parents is reported here. Each unit is walked once.
            var reachesTop = new Dictionary<string, bool>(StringComparer.Ordinal);
            var ordered = new List<Draft>(drafts.Count);
            foreach (var draft in drafts)
            {
                var path = new List<string>();
                var onPath = new HashSet<string>(StringComparer.Ordinal);
                string? code = draft.Raw.Code!;
                bool ok;
                while (true)
                {
                    if (code is null)
                    {
                        ok = true;
                        break;
                    }

                    if (reachesTop.TryGetValue(code, out ok))
                    {
                        break;
                    }

                    if (!onPath.Add(code))
                    {
                        var cycle = path.Skip(path.IndexOf(code)).Append(code);
                        Problem((byCode.GetValueOrDefault(code) ?? draft).Raw.Row, "parent", $"'{code}' would be its own ancestor through its parents: {string.Join(" → ", cycle)}");
                        ok = false;
                        break;
                    }

                    var isDraft = byCode.TryGetValue(code, out var step);
                    if (!isDraft && !registry.Contains(code))
                    {
                        ok = false; // a new parent whose own row was bad
                        break;
                    }

                    path.Add(code);
                    code = isDraft ? step!.Parent : registry.Find(code)!.Parent is { } parent && (byCode.ContainsKey(parent) || registry.Contains(parent)) ? parent : null;
                }

                foreach (var visited in path)
                {
                    reachesTop[visited] = ok;
                }

                if (ok)
                {
                    ordered.AddRange(Enumerable.Reverse(path).Where(byCode.ContainsKey).Select(c => byCode[c]));
                }
            }

            Build(ordered);
        }

        /// <summary>Builds drafts given parents first.</summary>
        private void Build(List<Draft> buildable)
        {
            var rebuilt = buildable.Select(d => d.Raw.Code!).ToHashSet(StringComparer.Ordinal);
            var final = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var unit in registry.Units)
            {
                final[unit.Code] = unit.Parent;
            }

            foreach (var draft in buildable)
            {
                final[draft.Raw.Code!] = draft.Parent;
            }

            // Known units count from the start, where this file puts them; new units count once built, in file order
            // (parents first), so a new unit without an order follows the last unit already under its parent. A unit
            // without a parent follows the subtree of the last top-level unit of its level (a new State Council body
            // after the last body, not after 澳门).
            var subtrees = new SubtreeOrders(final);
            var lastTop = new Dictionary<UnitLevel, (string Code, long Order)>();
            var maxOrder = 0L;
            void Settle(string code, long order, string? parent, UnitLevel level)
            {
                subtrees.Raise(code, order);
                maxOrder = Math.Max(maxOrder, order);
                if (parent is null && (!lastTop.TryGetValue(level, out var last) || order > last.Order))
                {
                    lastTop[level] = (code, order);
                }
            }

            foreach (var unit in registry.Units.Where(u => !rebuilt.Contains(u.Code)))
            {
                Settle(unit.Code, unit.Order, unit.Parent, unit.Level);
            }

            foreach (var draft in buildable.Where(d => d.Known is not null))
            {
                Settle(draft.Raw.Code!, draft.Raw.Order ?? draft.Known!.Order, draft.Parent, draft.Level);
            }

            foreach (var draft in buildable)
            {
                var code = draft.Raw.Code!;
                var parent = draft.Parent is null ? null : defined.TryGetValue(draft.Parent, out var p) ? p.Unit : registry.Find(draft.Parent);
                var raw = draft.Raw;
                var renamed = draft.Known is not null && (draft.Name != draft.Known.Name || draft.Parent != draft.Known.Parent);
                var shortName = raw.Short
                    ?? (draft.Known is not null && !renamed ? draft.Known.Short : ShortName(draft.Level, draft.Name, parent));
                var order = raw.Order ?? draft.Known?.Order
                    ?? (draft.Parent is not null ? subtrees.Max(draft.Parent) + 1
                        : lastTop.TryGetValue(draft.Level, out var last) ? subtrees.Max(last.Code) + 1
                        : maxOrder + 10);
                if (draft.Known is null)
                {
                    Settle(code, order, draft.Parent, draft.Level);
                }

                defined[code] = (new Unit(code, draft.Name, shortName, draft.Level, draft.Kind, draft.Parent, order, raw.Tags ?? draft.Known?.Tags ?? []), raw.Row);
            }
        }

        /// <summary>The published short name, by the registry's rules (深圳罗湖区, 凉山州), from the unit's level.</summary>
        private static string ShortName(UnitLevel level, string name, Unit? parent) => level switch
        {
            UnitLevel.Prefecture => DivisionNames.PrefectureShort(name),
            UnitLevel.County when parent?.Kind == "municipality" => DivisionNames.ProvinceStem(parent.Name) + name,
            UnitLevel.County when parent?.Level == UnitLevel.Prefecture => DivisionNames.PrefecturePrefix(parent.Name) + name,
            _ => name,
        };

        /// <summary>The unit a row is about: its code, or the one unit its name means; null after reporting why not.</summary>
        private string? Target(RawRow raw)
        {
            if (raw.Code is not null)
            {
                return registry.Contains(raw.Code) || defined.ContainsKey(raw.Code) ? raw.Code : null;
            }

            if (raw.Name is null)
            {
                return null;
            }

            var matches = registry.Lookup(raw.Name).Select(u => u.Code)
                .Concat(DefinedNamed(raw.Name))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            switch (matches.Count)
            {
                case 1:
                    if (raw.HasUnitFields)
                    {
                        Problem(raw.Row, "code", $"to change '{raw.Name}' give its code ({matches[0]}); a row without a code only adds a channel");
                        return null;
                    }

                    return matches[0];
                case 0:
                    Problem(raw.Row, "name", $"no unit named '{raw.Name}' in the {registry.Year} registry or this file; a new unit needs a code");
                    return null;
                default:
                    Problem(raw.Row, "name", $"'{raw.Name}' is ambiguous ({Describe(matches)}): give the code");
                    return null;
            }
        }

        /// <summary>Later rows about a unit this file defines must not contradict the defining row.</summary>
        private void CheckRepeats(List<(RawRow Raw, string? Code)> targets)
        {
            foreach (var (raw, code) in targets)
            {
                if (code is null || raw.Code is null || !defined.TryGetValue(code, out var definition) || definition.Row == raw.Row)
                {
                    continue;
                }

                var unit = definition.Unit;
                var conflicts = new List<string>();
                void Compare(string field, string? given, string actual)
                {
                    if (given is not null && given != actual)
                    {
                        conflicts.Add(field);
                    }
                }

                Compare("name", raw.Name == unit.Short ? unit.Name : raw.Name, unit.Name);
                Compare("short", raw.Short, unit.Short);
                Compare("level", raw.Level is { } l ? UnitsFile.LevelId(l) : null, UnitsFile.LevelId(unit.Level));
                Compare("kind", raw.Kind, unit.Kind);
                Compare("parent", raw.Parent is { } p ? ParentCode(p) : null, unit.Parent ?? "");
                Compare("order", raw.Order?.ToString(CultureInfo.InvariantCulture), unit.Order.ToString(CultureInfo.InvariantCulture));
                Compare("tags", raw.Tags is null ? null : string.Join(',', raw.Tags), string.Join(',', unit.Tags));
                if (conflicts.Count > 0)
                {
                    Problem(raw.Row, conflicts[0] == "name" ? "code" : conflicts[0], $"duplicate code '{code}': row {definition.Row.Row} already defines it with a different {string.Join(", ", conflicts)}");
                }
            }
        }

        private List<ImportedChannel> Channels(List<(RawRow Raw, string? Code)> targets)
        {
            var channels = new List<ImportedChannel>();
            var first = new Dictionary<(string, ChannelKind, string), int>();
            foreach (var (raw, code) in targets)
            {
                if (raw.Channel is not { } spec || code is null)
                {
                    continue;
                }

                var unit = defined.TryGetValue(code, out var d) ? d.Unit : registry.Find(code)!;
                var channel = new Channel(code, spec.Kind, spec.Name ?? DefaultName(unit, spec), spec.Url, spec.Account, spec.Portal, spec.Services);
                var key = (code, spec.Kind, GovEvalStore.ChannelTarget(channel));
                if (first.TryGetValue(key, out var firstRow))
                {
                    Problem(raw.Row, spec.Url is not null ? "url" : "account", $"duplicate channel: row {firstRow} already gives this {spec.Kind.ToId()} of {unit.Code} {unit.Name}");
                    continue;
                }

                first[key] = raw.Row.Row;
                channels.Add(new ImportedChannel(channel, $"{raw.Row.Source}:{raw.Row.Row}"));
            }

            return channels;
        }

        /// <summary>The code a parent cell means (its code, or the one unit its name means), else the text as given.</summary>
        private string ParentCode(string text)
        {
            if (registry.Contains(text) || defined.ContainsKey(text))
            {
                return text;
            }

            var matches = registry.Lookup(text).Select(u => u.Code)
                .Concat(DefinedNamed(text))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return matches.Count == 1 ? matches[0] : text;
        }

        /// <summary>Codes of the units this file defines whose full or short name is <paramref name="name"/>, in build order.</summary>
        private IEnumerable<string> DefinedNamed(string name)
        {
            if (definedByName is null)
            {
                definedByName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var (unit, _) in defined.Values)
                {
                    foreach (var key in unit.Short == unit.Name ? [unit.Name] : new[] { unit.Name, unit.Short })
                    {
                        Add(definedByName, key, unit.Code);
                    }
                }
            }

            return definedByName.GetValueOrDefault(name) ?? [];
        }

        /// <summary>Codes of the rows adding a new unit whose full or short name is <paramref name="name"/>, in file order.</summary>
        private IEnumerable<string> NewNamed(string name, List<RawRow> rows, ILookup<string, RawRow> newCodes)
        {
            if (newByName is null)
            {
                newByName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var row in rows.Where(r => r.Code is not null && newCodes.Contains(r.Code)))
                {
                    foreach (var key in new[] { row.Name, row.Short }.OfType<string>().Distinct(StringComparer.Ordinal))
                    {
                        Add(newByName, key, row.Code!);
                    }
                }
            }

            return newByName.GetValueOrDefault(name) ?? [];
        }

        private static void Add(Dictionary<string, List<string>> index, string key, string code)
        {
            if (index.TryGetValue(key, out var codes))
            {
                codes.Add(code);
            }
            else
            {
                index[key] = [code];
            }
        }

        private static string DefaultName(Unit unit, RawChannel channel) => unit.Short + channel.Kind switch
        {
            ChannelKind.Website => channel.Portal ? "门户网站" : "网站",
            ChannelKind.App => "移动客户端",
            ChannelKind.Weibo => "政务微博",
            ChannelKind.WeChat => "微信公众号",
            ChannelKind.DataPortal => "数据开放平台",
            ChannelKind.ServicePlatform => "政务服务平台",
            _ => "",
        };

        private string Describe(IEnumerable<string> codes) =>
            string.Join(", ", codes.Select(c => registry.Find(c) is { } u ? $"{u.Code} {u.Short}" : defined.TryGetValue(c, out var d) ? $"{c} {d.Unit.Short}" : c));

        private static bool SameUnit(Unit a, Unit b) =>
            a.Code == b.Code && a.Name == b.Name && a.Short == b.Short && a.Level == b.Level && a.Kind == b.Kind
            && a.Parent == b.Parent && a.Order == b.Order && a.Tags.SequenceEqual(b.Tags, StringComparer.Ordinal);

        private void Problem(TableRow row, string field, string message) => problems.Add((row.Row, columns.Error(row, field, message)));
    }
}
