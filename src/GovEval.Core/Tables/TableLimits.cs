namespace GovEval.Core.Tables;

/// <summary>
/// How much of a person's table the reader takes on before refusing it: resource limits of the tool (not rules of
/// any assessment), sized so that a national round's registry or expert inputs fit with room to spare while a
/// crafted or runaway file is refused in seconds and within a few hundred MB. The commands that import tables
/// expose each limit under the option named here, so a message that a limit tripped says how to raise it.
/// </summary>
public sealed record TableLimits
{
    public const long Megabyte = 1024 * 1024;

    public const string MaxFileOption = "--max-file-mb";
    public const string MaxExpandedOption = "--max-expanded-mb";
    public const string MaxRowsOption = "--max-rows";
    public const string MaxColumnsOption = "--max-columns";

    public const string EncodingOption = "--encoding";

    public static TableLimits Default { get; } = new();

    /// <summary>How a CSV file's text is decoded: detected (UTF-8 with or without BOM, else GB18030/GBK), or as a person says.</summary>
    public Text.UserEncoding Encoding { get; init; } = Text.UserEncoding.Auto;

    /// <summary>The file as stored: CSV and JSON are streamed up to this, an XLSX archive may not be larger.</summary>
    public long MaxFileBytes { get; init; } = 100 * Megabyte;

    /// <summary>An XLSX archive's contents once uncompressed (what a zip bomb inflates).</summary>
    public long MaxExpandedBytes { get; init; } = 256 * Megabyte;

    /// <summary>Rows with data below the header.</summary>
    public int MaxRows { get; init; } = 1_000_000;

    /// <summary>Columns of the header.</summary>
    public int MaxColumns { get; init; } = 1_000;
}
