namespace GovEval.Publish.Xlsx;

/// <summary>A cell to write: text (shared string) or a number with its display decimals; empty when both are null.</summary>
public readonly record struct XCell(string? Text, decimal? Number, int Decimals)
{
    public static XCell Of(string? text) => new(text, null, 0);

    public static XCell Of(decimal? number, int decimals) => new(null, number, decimals);

    public static XCell Of(int? number) => new(null, number, 0);

    public static implicit operator XCell(string? text) => Of(text);
}
