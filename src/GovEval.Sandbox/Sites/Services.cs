namespace GovEval.Sandbox.Sites;

/// <summary>A 办事指南 and the key elements its page leaves out.</summary>
public sealed record Guide(int Number, string Name, IReadOnlyList<string> Missing, IReadOnlyList<Attachment> Attachments)
{
    public string Path => $"/bsfw/bszn/{Number}.html";

    /// <summary>The ten key elements of the national check, in the order a guide lists them.</summary>
    public static IReadOnlyList<string> Elements { get; } =
        ["事项名称", "设定依据", "申请条件", "办理材料", "办理地点", "办理机构", "收费标准", "办理时间", "联系电话", "办理流程"];
}

/// <summary>A downloadable form or attachment (pdf, doc, xls).</summary>
public sealed record Attachment(string Path, string Name)
{
    public string Extension => Path[(Path.LastIndexOf('.') + 1)..];
}

/// <summary>An online filing or query system linked from 办事服务.</summary>
public sealed record OnlineSystem(int Number, string Name)
{
    public string Path => $"/wsbs/sys{Number}/index.html";
}
