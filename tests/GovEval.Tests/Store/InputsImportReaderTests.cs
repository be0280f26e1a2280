using GovEval.Core.Errors;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Tables;
using GovEval.Store.Imports;

namespace GovEval.Tests.Store;

public sealed class InputsImportReaderTests
{
    private sealed class OnlyScoresUpToTen : IInputValidator
    {
        public InputRejection? Check(ExpertInput input) =>
            input.Indicator != "score" ? new InputRejection("indicator", $"'{input.Indicator}' is not an input of the framework")
            : decimal.TryParse(input.Value, out var v) && v is >= 0 and <= 10 ? null
            : new InputRejection("value", $"'{input.Value}' is outside 0–10");
    }

    private static Table Csv(string text) => TableReader.ReadCsv(new StringReader(text), "in.csv");

    [Fact]
    public void The_framework_hook_refuses_values_naming_the_files_own_header()
    {
        var table = Csv("单位,指标,取值\n北京市,score,7\n天津市,score,11\n上海市,colour,3\n");

        var error = Assert.Throws<InputException>(() => InputsImportReader.Read(table, UnitRegistry.ForYear(2020), ["municipality"], new OnlyScoresUpToTen()));

        Assert.Equal(["in.csv:3:取值: '11' is outside 0–10", "in.csv:4:指标: 'colour' is not an input of the framework"], error.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Accepted_rows_keep_their_source_row()
    {
        var inputs = InputsImportReader.Read(Csv("unit,indicator,value\n重庆市,score,10\n"), UnitRegistry.ForYear(2020), ["municipality"], new OnlyScoresUpToTen());

        Assert.Equal(new ExpertInput("500000", "score", "10", null, null, "in.csv:2"), Assert.Single(inputs));
    }

    [Fact]
    public void A_misspelt_column_is_refused_rather_than_dropped()
    {
        var error = Assert.Throws<InputException>(() => InputsImportReader.Read(Csv("unit,indicator,value,assesor\n重庆市,score,10,王\n"), UnitRegistry.ForYear(2020), ["municipality"]));

        Assert.StartsWith("in.csv:1:assesor: unknown column", error.Message);
    }
}
