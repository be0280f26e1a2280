using GovEval.Core.Errors;
using GovEval.Core.Tables;

namespace GovEval.Tests.Tables;

public sealed class TableReaderTests
{
    [Fact]
    public void Csv_rows_keep_the_line_a_person_sees_even_with_quoted_line_breaks()
    {
        var table = TableReader.ReadCsv(new StringReader("unit,value,evidence\r\n440303,95.5,\"line one\nline two\"\r\n\r\n\"深圳, 福田区\",\"say \"\"hi\"\"\",x\n"), "t.csv");
        Assert.Equal(["unit", "value", "evidence"], table.Columns);
        Assert.Equal(2, table.Rows[0].Row);
        Assert.Equal("line one\nline two", table.Rows[0]["evidence"]);
        Assert.Equal(5, table.Rows[1].Row);
        Assert.Equal("深圳, 福田区", table.Rows[1]["unit"]);
        Assert.Equal("say \"hi\"", table.Rows[1]["value"]);
    }

    [Fact]
    public void Tab_separated_exports_are_detected()
    {
        var table = TableReader.ReadCsv(new StringReader("unit\ttotal\n商务部\t95\n"), "t.tsv");
        Assert.Equal("95", table.Rows[0]["total"]);
    }

    [Fact]
    public void Too_many_fields_name_the_line()
    {
        var error = Assert.Throws<InputException>(() => TableReader.ReadCsv(new StringReader("a,b\n1,2\n1,2,3\n"), "t.csv"));
        Assert.StartsWith("t.csv:3", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_the_record_starts()
    {
        var error = Assert.Throws<InputException>(() => TableReader.ReadCsv(new StringReader("a,b\n1,2\n3,\"oops\n"), "t.csv"));
        Assert.StartsWith("t.csv:3", error.Message);
    }

    [Fact]
    public void Json_tables_take_arrays_of_flat_objects()
    {
        var path = Path.Combine(Path.GetTempPath(), $"goveval-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """[{"unit":"商务部","total":95.5},{"unit":"水利部","total":null}]""");
        try
        {
            var table = TableReader.Read(path);
            Assert.Equal("95.5", table.Rows[0]["total"]);
            Assert.Equal("", table.Rows[1]["total"]);
            Assert.Equal(2, table.Rows[1].Row);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unsupported_and_missing_files_are_refused_by_name()
    {
        Assert.Contains("does not exist", Assert.Throws<InputException>(() => TableReader.Read("/nonexistent/x.csv")).Message);
        var path = Path.Combine(Path.GetTempPath(), $"goveval-{Guid.NewGuid():N}.ods");
        File.WriteAllText(path, "x");
        try
        {
            Assert.Contains("unsupported file type", Assert.Throws<InputException>(() => TableReader.Read(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
