using System.Text;

namespace GovEval.Publish.Html;

/// <summary>A page being written: the common head (charset, inline styles, no external resources) and body text.</summary>
public sealed class HtmlDocument
{
    private readonly StringBuilder body = new();

    public HtmlDocument(string title)
    {
        Title = title;
    }

    public string Title { get; }

    /// <summary>Appends markup written by the caller; values inside must already be encoded with <see cref="E"/>.</summary>
    public HtmlDocument Raw(string markup)
    {
        body.Append(markup);
        return this;
    }

    public HtmlDocument Line(string markup)
    {
        body.Append(markup).Append('\n');
        return this;
    }

    public static string E(string? text) => HtmlText.Encode(text);

    public override string ToString() =>
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(Title)}</title>
        <style>
        {HtmlStyles.Css}
        </style>
        </head>
        <body>
        {body}</body>
        </html>

        """;
}
