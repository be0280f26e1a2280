using System.Globalization;
using GovEval.Core.Errors;
using GovEval.Core.Tables;

namespace GovEval.Core.Results;

/// <summary>
/// Reads a table of scores computed elsewhere: <c>unit,total</c> (unit = code, full name or short name), with an
/// optional <c>grade</c> column (published as stated) and <c>vetoed</c> column. Last year's table may give only
/// grades. Rows may come in any order. Every bad row is reported with file:row:column before anything is used.
/// </summary>
public static class ScoresTable
{
    public static readonly string[] UnitColumns = ["unit", "code", "单位", "名称"];
    public static readonly string[] TotalColumns = ["total", "score", "总分", "得分"];
    public static readonly string[] GradeColumns = ["grade", "等级"];
    public static readonly string[] VetoColumns = ["vetoed", "veto", "否决"];

    /// <param name="table">The table as read by <see cref="TableReader"/>.</param>
    /// <param name="resolver">Resolves unit cells among the cohorts being published.</param>
    /// <param name="grades">The framework's grades, for a grade column.</param>
    /// <param name="max">The framework's highest total; totals above it are refused.</param>
    /// <param name="requireTotal">True for this year's table; false lets last year's table give grades only.</param>
    public static IReadOnlyList<UnitScore> Read(Table table, UnitResolver resolver, GradeScale grades, decimal max, bool requireTotal)
    {
        var unitColumn = Column(table, UnitColumns);
        var totalColumn = Column(table, TotalColumns);
        var gradeColumn = Column(table, GradeColumns);
        var vetoColumn = Column(table, VetoColumns);
        if (unitColumn is null)
        {
            table.RequireColumn(UnitColumns);
        }

        if (totalColumn is null && (requireTotal || gradeColumn is null))
        {
            table.RequireColumn(requireTotal ? TotalColumns : [.. TotalColumns, .. GradeColumns]);
        }

        if (gradeColumn is not null && grades.IsEmpty)
        {
            throw new InputException($"{table.Source}:1:{gradeColumn}", "the framework defines no grades, so the table cannot state one");
        }

        var problems = new List<InputException>();
        var scores = new List<UnitScore>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            var unitText = row.Get(unitColumn!);
            if (unitText is not null && resolver.IsOutside(unitText))
            {
                continue;
            }

            Registry.Unit? unit = null;
            if (unitText is null)
            {
                problems.Add(row.Error(unitColumn!, "the unit is empty"));
            }
            else
            {
                (unit, var problem) = resolver.Resolve(unitText);
                if (problem is not null)
                {
                    problems.Add(row.Error(unitColumn!, problem));
                }
                else if (firstRow.TryGetValue(unit!.Code, out var first))
                {
                    problems.Add(row.Error(unitColumn!, $"{unit.Code} {unit.Short} already has a score at row {first}"));
                }
                else
                {
                    firstRow[unit.Code] = row.Row;
                }
            }

            var total = totalColumn is null ? null : Total(row, totalColumn, max, problems);
            var grade = gradeColumn is null ? null : Grade(row, gradeColumn, grades, problems);
            var vetoed = vetoColumn is not null && Vetoed(row, vetoColumn, problems);
            if (total is null && (requireTotal || grade is null) && problems.Count == before)
            {
                var column = totalColumn ?? gradeColumn!;
                problems.Add(row.Error(column, requireTotal ? "the total is empty" : "give a total or a grade"));
            }

            if (problems.Count == before)
            {
                scores.Add(new UnitScore(unit!, total, vetoed, grade, scores.Count));
            }
        }

        return problems.Count switch
        {
            0 => scores,
            1 => throw problems[0],
            _ => throw new InputException(problems),
        };
    }

    private static string? Column(Table table, string[] names) =>
        names.Select(n => table.Columns.FirstOrDefault(c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(c => c is not null);

    private static decimal? Total(TableRow row, string column, decimal max, List<InputException> problems)
    {
        var text = row.Get(column);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var total))
        {
            problems.Add(row.Error(column, $"'{text}' is not a number (write the total like 85.6)"));
            return null;
        }

        if (total < 0 || (max > 0 && total > max))
        {
            problems.Add(row.Error(column, $"total {text} is outside 0–{max.ToString(CultureInfo.InvariantCulture)}, the framework's range"));
            return null;
        }

        return total;
    }

    private static string? Grade(TableRow row, string column, GradeScale grades, List<InputException> problems)
    {
        var text = row.Get(column);
        if (text is null)
        {
            return null;
        }

        try
        {
            return grades.Require(text, $"{row.Source}:{row.Row}:{column}");
        }
        catch (InputException e)
        {
            problems.Add(e);
            return null;
        }
    }

    private static bool Vetoed(TableRow row, string column, List<InputException> problems)
    {
        var text = row.Get(column);
        switch (text?.ToLowerInvariant())
        {
            case null or "false" or "no" or "n" or "0" or "否":
                return false;
            case "true" or "yes" or "y" or "1" or "是":
                return true;
            default:
                problems.Add(row.Error(column, $"'{text}' is not yes/no (true, false, 是, 否)"));
                return false;
        }
    }
}
