using System.CommandLine;
using GovEval.Core.Errors;
using GovEval.Core.Tables;

namespace GovEval.Cli.Commands;

/// <summary>
/// The table reader's resource limits as options of the verbs that import a person's table (registry import,
/// inputs import). The defaults are <see cref="TableLimits.Default"/>; the reader's messages name these options.
/// </summary>
public sealed class TableLimitOptions
{
    private static readonly TableLimits Defaults = TableLimits.Default;

    public Option<int> MaxFileMb { get; } = new(TableLimits.MaxFileOption)
    {
        Description = "Refuse a table file larger than this many MB",
        DefaultValueFactory = _ => (int)(Defaults.MaxFileBytes / TableLimits.Megabyte),
    };

    public Option<int> MaxExpandedMb { get; } = new(TableLimits.MaxExpandedOption)
    {
        Description = "Refuse an XLSX workbook whose contents uncompress to more than this many MB",
        DefaultValueFactory = _ => (int)(Defaults.MaxExpandedBytes / TableLimits.Megabyte),
    };

    public Option<int> MaxRows { get; } = new(TableLimits.MaxRowsOption)
    {
        Description = "Refuse a table with more rows of data than this",
        DefaultValueFactory = _ => Defaults.MaxRows,
    };

    public Option<int> MaxColumns { get; } = new(TableLimits.MaxColumnsOption)
    {
        Description = "Refuse a table whose header has more columns than this",
        DefaultValueFactory = _ => Defaults.MaxColumns,
    };

    public Option<string> Encoding { get; } = new(TableLimits.EncodingOption)
    {
        Description = "How a CSV file is encoded: auto (UTF-8 with or without BOM, else GB18030/GBK as Excel saves it on a Chinese Windows), utf-8, gb18030 or gbk",
        DefaultValueFactory = _ => "auto",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { MaxFileMb, MaxExpandedMb, MaxRows, MaxColumns, Encoding })
        {
            command.Options.Add(option);
        }
    }

    public TableLimits Limits(ParseResult parse) => new()
    {
        MaxFileBytes = AtLeastOne(parse.GetValue(MaxFileMb), TableLimits.MaxFileOption) * TableLimits.Megabyte,
        MaxExpandedBytes = AtLeastOne(parse.GetValue(MaxExpandedMb), TableLimits.MaxExpandedOption) * TableLimits.Megabyte,
        MaxRows = AtLeastOne(parse.GetValue(MaxRows), TableLimits.MaxRowsOption),
        MaxColumns = AtLeastOne(parse.GetValue(MaxColumns), TableLimits.MaxColumnsOption),
        Encoding = Core.Text.UserTextFile.ParseEncoding(parse.GetValue(Encoding) ?? "auto", TableLimits.EncodingOption),
    };

    private static int AtLeastOne(int value, string option) =>
        value >= 1 ? value : throw new InputException(option, $"must be at least 1, got {value}");
}
