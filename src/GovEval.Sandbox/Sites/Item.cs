namespace GovEval.Sandbox.Sites;

/// <summary>One item of a column (an article, a message, a report) as regenerated on request.</summary>
public sealed record Item(Column Column, int Ordinal, int Id, DateTime Published, string Title, string Path)
{
    public DateOnly Date => DateOnly.FromDateTime(Published);
}

/// <summary>A message of a 政务咨询 column: when it was submitted and, if it was, answered.</summary>
public sealed record Message(Item Item, DateOnly Submitted, DateOnly? Replied);
