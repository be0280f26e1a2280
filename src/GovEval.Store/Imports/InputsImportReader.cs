using GovEval.Core.Errors;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Tables;

namespace GovEval.Store.Imports;

/// <summary>
/// Reads an expert inputs table (unit, indicator, value, evidence, assessor) for a run. Units are resolved
/// among the members of the run's cohorts by code, full name or short name; every row is checked and all
/// bad rows are reported together (file:row:column), so a file with any bad row stores nothing.
/// </summary>
public static class InputsImportReader
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["unit"] = ["unit", "单位", "评估对象"],
        ["indicator"] = ["indicator", "指标"],
        ["value"] = ["value", "值", "取值"],
        ["evidence"] = ["evidence", "佐证"],
        ["assessor"] = ["assessor", "评估人"],

        // Reference columns of the workbook 'goveval inputs template' writes: read past, never stored.
        ["unit-name"] = ["unit-name", "单位名称"],
        ["indicator-name"] = ["indicator-name", "指标名称"],
        ["allowed"] = ["allowed", "允许取值"],
    };

    /// <summary>A template row nobody filled in: no value, no evidence, no assessor. Not an error, just not entered.</summary>
    private static bool IsUnfilledTemplateRow(TableRow row, ColumnMap columns) =>
        columns.Has("allowed")
        && columns.Get(row, "value") is null
        && columns.Get(row, "evidence") is null
        && columns.Get(row, "assessor") is null;

    public static IReadOnlyList<ExpertInput> Read(string path, UnitRegistry registry, IReadOnlyList<string> cohorts, IInputValidator? validator = null) =>
        Read(TableReader.Read(path), registry, cohorts, validator);

    public static IReadOnlyList<ExpertInput> Read(Table table, UnitRegistry registry, IReadOnlyList<string> cohorts, IInputValidator? validator = null)
    {
        var columns = ColumnMap.Build(table, Aliases);
        foreach (var field in new[] { "unit", "indicator", "value" })
        {
            table.RequireColumn(Aliases[field]);
        }

        var members = cohorts.SelectMany(c => registry.Members(registry.Cohort(c))).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var problems = new List<InputException>();
        var inputs = new List<ExpertInput>();
        var first = new Dictionary<(string Unit, string Indicator), int>();
        foreach (var row in table.Rows)
        {
            if (IsUnfilledTemplateRow(row, columns))
            {
                continue;
            }

            var before = problems.Count;
            var unit = ResolveUnit(row, columns, registry, members, cohorts, problems);
            var indicator = columns.Get(row, "indicator");
            var value = columns.Get(row, "value");
            if (indicator is null)
            {
                problems.Add(columns.Error(row, "indicator", "empty: give the indicator id of the framework"));
            }

            if (value is null)
            {
                problems.Add(columns.Error(row, "value", "empty: give the value entered for the indicator"));
            }

            if (problems.Count > before)
            {
                continue;
            }

            var input = new ExpertInput(unit!.Code, indicator!, value!, columns.Get(row, "evidence"), columns.Get(row, "assessor"), $"{row.Source}:{row.Row}");
            if (first.TryGetValue((input.UnitCode, input.Indicator), out var firstRow))
            {
                problems.Add(columns.Error(row, "indicator", $"row {firstRow} already gives {input.Indicator} for {unit.Code} {unit.Short}"));
                continue;
            }

            if (validator?.Check(input) is { } rejection)
            {
                problems.Add(columns.Error(row, rejection.Field, rejection.Message));
                continue;
            }

            first[(input.UnitCode, input.Indicator)] = row.Row;
            inputs.Add(input);
        }

        return problems.Count switch
        {
            0 => inputs,
            1 => throw problems[0],
            _ => throw new InputException(problems),
        };
    }

    private static Unit? ResolveUnit(TableRow row, ColumnMap columns, UnitRegistry registry, HashSet<string> members, IReadOnlyList<string> cohorts, List<InputException> problems)
    {
        var text = columns.Get(row, "unit");
        if (text is null)
        {
            problems.Add(columns.Error(row, "unit", "empty: give the unit's code, full name or short name"));
            return null;
        }

        var found = registry.Lookup(text);
        var inRun = found.Where(u => members.Contains(u.Code)).ToList();
        switch (inRun.Count)
        {
            case 1:
                return inRun[0];
            case 0 when found.Count == 0:
                problems.Add(columns.Error(row, "unit", $"no unit '{text}' in the {registry.Year} registry: give a code, full name or short name"));
                return null;
            case 0:
                problems.Add(columns.Error(row, "unit", $"'{text}' ({string.Join(", ", found.Select(u => u.Code))}) is not in the run's cohorts ({string.Join(", ", cohorts)})"));
                return null;
            default:
                problems.Add(columns.Error(row, "unit", $"'{text}' is ambiguous in the run's cohorts ({string.Join(", ", inRun.Select(u => $"{u.Code} {u.Short}"))}): give the code"));
                return null;
        }
    }
}
