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
/// cell, values already entered filled in. <c>goveval inputs import</c> reads it back as it is.
/// </summary>
public static class InputsTemplateWorkbook
{
    /// <summary>Headers, each one the import accepts (单位 = unit code, 指标 = indicator id, 值 = value …).</summary>
    public static readonly IReadOnlyList<string> Header = ["单位", "单位名称", "指标", "指标名称", "允许取值", "值", "佐证", "评估人"];

    private const int ValueColumn = 5;

    public static void Write(string path, Framework framework, IReadOnlyList<Unit> units, IReadOnlyList<ExpertInput> existing)
    {
        var leaves = framework.Indicators().Where(i => i.IsLeaf && InputRules.AcceptsInput(i)).ToList();
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
                sheet.Validate(Validation(leaf, rowsByLeaf[leaf.Id]));
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

        strings.WriteTo(workbook.AddNewPart<SharedStringTablePart>());
        workbook.Workbook = new Workbook(sheets);
    }

    private static DataValidation Validation(Indicator leaf, IReadOnlyList<uint> rows)
    {
        var column = SheetWriter.ColumnName(ValueColumn);
        var cells = new ListValue<StringValue>(Ranges(rows).Select(r => new StringValue(r.First == r.Last ? $"{column}{r.First}" : $"{column}{r.First}:{column}{r.Last}")));
        var validation = new DataValidation
        {
            SequenceOfReferences = cells,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorTitle = "取值不符合要求",
            Error = $"{leaf.Name}：{InputRules.Range(leaf)}",
            ShowInputMessage = true,
            PromptTitle = leaf.Name,
            Prompt = InputRules.Range(leaf),
        };
        if (leaf.Rule == RuleKind.Veto || leaf.Options is not null)
        {
            var options = leaf.Rule == RuleKind.Veto ? ["是", "否"] : leaf.Options!.Keys.ToList();
            validation.Type = DataValidationValues.List;
            validation.Formula1 = new Formula1($"\"{string.Join(",", options)}\"");
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
