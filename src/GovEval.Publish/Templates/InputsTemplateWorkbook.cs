using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Scoring;
using GovEval.Publish.Xlsx;

namespace GovEval.Publish.Templates;

/// <summary>
/// The workbook experts fill in for a run: one row per unit and input indicator (expert, survey, bonus and
/// person-confirmed vetoes), the allowed values beside each row and as a drop-down or range check on the value
/// cell, values already entered filled in. <c>goveval inputs import</c> reads it back as it is (its first sheet).
/// A drop-down's values are cells of a hidden sheet, named by a defined name: a list written into the rule itself
/// is cut at 255 characters, split at every comma and broken by a quote, so a framework's own wording of its
/// options could not be offered as it is.
/// </summary>
public static class InputsTemplateWorkbook
{
    /// <summary>Headers, each one the import accepts (单位 = unit code, 指标 = indicator id, 值 = value …).</summary>
    public static readonly IReadOnlyList<string> Header = ["单位", "单位名称", "指标", "指标名称", "允许取值", "值", "佐证", "评估人"];

    /// <summary>The hidden sheet holding each drop-down's values, a column per indicator under its id.</summary>
    public const string OptionsSheet = "取值列表";

    private const int ValueColumn = 5;

    // Excel's limits on a rule's texts (MS-XLS DValStrings); longer ones make Excel "repair" the workbook and drop the rule.
    private const int TitleLimit = 32;
    private const int PromptLimit = 255;
    private const int ErrorLimit = 225;

    public static void Write(string path, Framework framework, IReadOnlyList<Unit> units, IReadOnlyList<ExpertInput> existing)
    {
        var leaves = framework.Indicators().Where(i => i.IsLeaf && InputRules.AcceptsInput(i)).ToList();
        var lists = leaves.Select(l => (Leaf: l, Values: Options(l))).Where(l => l.Values is { Count: > 0 }).ToList();
        var listNames = lists.Select((l, i) => (l.Leaf.Id, Name: ListName(i))).ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var entered = existing.ToDictionary(i => (i.UnitCode, i.Indicator));
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        var strings = new SharedStrings();
        var sheets = new Sheets();

        var inputPart = workbook.AddNewPart<WorksheetPart>();
        sheets.Append(new Sheet { Name = "录入", SheetId = 1, Id = workbook.GetIdOfPart(inputPart) });
        using (var sheet = new SheetWriter(inputPart, strings, Header, [12, 18, 26, 24, 30, 12, 40, 10]))
        {
            var rowsByLeaf = leaves.ToDictionary(l => l.Id, _ => new List<uint>(), StringComparer.Ordinal);
            foreach (var unit in units)
            {
                foreach (var leaf in leaves)
                {
                    entered.TryGetValue((unit.Code, leaf.InputKey), out var input);
                    sheet.Row([unit.Code, unit.Short, leaf.InputKey, leaf.Name, InputRules.Range(leaf), input?.Value, input?.Evidence, input?.Assessor]);
                    rowsByLeaf[leaf.Id].Add(sheet.Rows);
                }
            }

            foreach (var leaf in leaves.Where(l => rowsByLeaf[l.Id].Count > 0))
            {
                sheet.Validate(Validation(leaf, rowsByLeaf[leaf.Id], listNames.GetValueOrDefault(leaf.Id)));
            }
        }

        var guidePart = workbook.AddNewPart<WorksheetPart>();
        sheets.Append(new Sheet { Name = "说明", SheetId = 2, Id = workbook.GetIdOfPart(guidePart) });
        using (var guide = new SheetWriter(guidePart, strings, ["指标", "指标名称", "类型", "分值", "允许取值", "说明"], [26, 24, 10, 8, 30, 60]))
        {
            guide.Row(["", $"{framework.Name}（{framework.Id} {framework.Version}）", "", "", "", "在“录入”表的“值”列填写取值，“佐证”列填写依据（网址或文件），“评估人”列填写姓名；未填写取值的行不导入。"]);
            foreach (var leaf in leaves)
            {
                guide.Row([leaf.InputKey, leaf.Name, KindName(leaf.Rule), XCell.Of(leaf.Points, 2), InputRules.Range(leaf), leaf.Description]);
            }
        }

        var names = new DefinedNames();
        if (lists.Count > 0)
        {
            var optionsPart = workbook.AddNewPart<WorksheetPart>();
            sheets.Append(new Sheet { Name = OptionsSheet, SheetId = 3, Id = workbook.GetIdOfPart(optionsPart), State = SheetStateValues.Hidden });
            using (var options = new SheetWriter(optionsPart, strings, lists.Select(l => l.Leaf.InputKey).ToList(), lists.Select(_ => 30D).ToList()))
            {
                for (var i = 0; i < lists.Max(l => l.Values!.Count); i++)
                {
                    var row = i;
                    options.Row(lists.Select(l => row < l.Values!.Count ? XCell.Of(l.Values[row]) : XCell.Of((string?)null)).ToList());
                }
            }

            for (var c = 0; c < lists.Count; c++)
            {
                var column = SheetWriter.ColumnName(c);
                names.Append(new DefinedName { Name = ListName(c), Text = $"'{OptionsSheet}'!${column}$2:${column}${lists[c].Values!.Count + 1}" });
            }
        }

        strings.WriteTo(workbook.AddNewPart<SharedStringTablePart>());
        workbook.Workbook = names.HasChildren ? new Workbook(sheets, names) : new Workbook(sheets);
    }

    /// <summary>The defined name of the n-th drop-down's values (a name, not a cell reference such as AB12).</summary>
    private static string ListName(int index) => "GovEvalOptions_" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The values a drop-down offers: 是/否 for a veto a person confirms, else the leaf's options; null for a range.</summary>
    private static IReadOnlyList<string>? Options(Indicator leaf) =>
        leaf.Rule == RuleKind.Veto ? ["是", "否"] : leaf.Options?.Keys.ToList();

    private static DataValidation Validation(Indicator leaf, IReadOnlyList<uint> rows, string? listName)
    {
        var column = SheetWriter.ColumnName(ValueColumn);
        var cells = new ListValue<StringValue>(Ranges(rows).Select(r => new StringValue(r.First == r.Last ? $"{column}{r.First}" : $"{column}{r.First}:{column}{r.Last}")));
        var validation = new DataValidation
        {
            SequenceOfReferences = cells,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorTitle = "取值不符合要求",
            Error = Clip($"{leaf.Name}：{InputRules.Range(leaf)}", ErrorLimit),
            ShowInputMessage = true,
            PromptTitle = Clip(leaf.Name, TitleLimit),
            Prompt = Clip(InputRules.Range(leaf), PromptLimit),
        };
        if (listName is not null)
        {
            validation.Type = DataValidationValues.List;
            validation.Formula1 = new Formula1(listName);
        }
        else
        {
            var (min, max) = InputRules.Bounds(leaf);
            validation.Type = DataValidationValues.Decimal;
            validation.Operator = DataValidationOperatorValues.Between;
            validation.Formula1 = new Formula1(min.ToString(CultureInfo.InvariantCulture));
            validation.Formula2 = new Formula2(max.ToString(CultureInfo.InvariantCulture));
        }

        return validation;
    }

    /// <summary>At most <paramref name="limit"/> characters, an ellipsis marking a cut (the 允许取值 column has the whole text).</summary>
    private static string Clip(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var end = limit - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end] + "…";
    }

    // Consecutive rows as ranges, so a leaf's rule covers its rows with few references.
    private static IEnumerable<(uint First, uint Last)> Ranges(IReadOnlyList<uint> rows)
    {
        var start = rows[0];
        var previous = rows[0];
        foreach (var row in rows.Skip(1))
        {
            if (row != previous + 1)
            {
                yield return (start, previous);
                start = row;
            }

            previous = row;
        }

        yield return (start, previous);
    }

    private static string KindName(RuleKind rule) => rule switch
    {
        RuleKind.Survey => "调查",
        RuleKind.Bonus => "加分",
        RuleKind.Veto => "否决确认",
        _ => "专家评议",
    };
}
