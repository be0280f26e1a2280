using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GovEval.Checks.Columns;
using GovEval.Checks.Links;
using GovEval.Core.Observations;

namespace GovEval.Checks.Services;

/// <summary>
/// 办事服务 and its 办事指南 (services.guide-elements, veto.services). A guide is a page filed under 办事指南 or one
/// that labels several key elements; each of the ten key elements must appear as a label (a table header, a
/// list item's bold lead, a heading, a definition term), under its name or a common synonym, whatever the
/// layout. Element names inside running text do not count: a sentence mentioning 办理材料 is not the element.
/// </summary>
public sealed class GuideElements : ICheckFamily
{
    public const string GuideRule = "services.guide-elements";
    public const string VetoRule = "veto.services";

    /// <summary>The ten key elements and the labels real guides use for them.</summary>
    public static IReadOnlyList<(string Element, string[] Labels)> Elements { get; } =
    [
        ("事项名称", ["事项名称", "服务事项", "事项名", "办理事项"]),
        ("设定依据", ["设定依据", "法律依据", "办理依据", "实施依据", "法定依据", "受理依据"]),
        ("申请条件", ["申请条件", "受理条件", "办理条件", "申报条件"]),
        ("办理材料", ["办理材料", "申请材料", "申报材料", "所需材料", "提交材料", "材料清单"]),
        ("办理地点", ["办理地点", "受理地点", "办公地点", "办理地址", "受理地址"]),
        ("办理机构", ["办理机构", "实施机关", "实施主体", "受理机构", "受理部门", "办理部门", "实施机构"]),
        ("收费标准", ["收费标准", "收费依据", "是否收费", "收费情况"]),
        ("办理时间", ["办理时间", "受理时间", "办公时间", "工作时间"]),
        ("联系电话", ["联系电话", "咨询电话", "咨询方式", "联系方式", "监督电话"]),
        ("办理流程", ["办理流程", "办事流程", "办理程序", "受理流程"]),
    ];

    /// <summary>A page labelling this many key elements is a guide even when nothing files it under 办事指南.</summary>
    private const int GuideLikeLabels = 5;

    public IReadOnlyList<string> Rules { get; } = [GuideRule, VetoRule];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var home = observation.Homepage;
        var findings = new List<Finding>();
        var servicePages = ServiceEntries.Pages(observation, context);
        var guides = 0;
        string? firstIncomplete = null;
        foreach (var page in observation.Pages.OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            context.Cancel.ThrowIfCancellationRequested();
            if (context.Document(page) is not { } document || document.Body is null)
            {
                continue;
            }

            var labels = Labels(document.Body, context.Cancel);
            var present = Elements.Where(e => e.Labels.Any(labels.Contains)).Select(e => e.Element).ToHashSet(StringComparer.Ordinal);
            var filedAsGuide = (SitePages.Meta(document, "ColumnName") ?? "").Contains("办事指南", StringComparison.Ordinal)
                || (SitePages.Meta(document, "ArticleTitle") ?? "").Contains("办事指南", StringComparison.Ordinal);
            if (!(filedAsGuide && present.Count > 0) && present.Count < GuideLikeLabels)
            {
                continue;
            }

            guides++;
            var missing = Elements.Select(e => e.Element).Where(e => !present.Contains(e)).ToList();
            if (missing.Count > 0)
            {
                firstIncomplete ??= page.Url;
                findings.Add(new Finding(GuideRule, Severity.Deduction, page.Url, page.Url, $"办事指南缺少要素：{string.Join("、", missing)}"));
            }
        }

        var hasServices = servicePages.Count > 0 || guides > 0 || HomepageLinksServices(observation, context);
        var homeRead = SitePages.Homepage(observation) is { } homePage && context.Document(homePage) is not null;
        var notMeasured = new List<NotMeasured>();
        if (!hasServices)
        {
            if (homeRead)
            {
                findings.Add(new Finding(VetoRule, Severity.Veto, home, home, "网站未提供办事服务"));
            }
            else
            {
                notMeasured.Add(new NotMeasured(VetoRule, "首页未能获取"));
            }
        }
        else if (firstIncomplete is not null)
        {
            findings.Add(new Finding(VetoRule, Severity.Veto, home, firstIncomplete, "办事指南缺少关键要素"));
        }

        return new CheckResult(findings, new Dictionary<string, decimal> { ["services.guides"] = guides }, notMeasured);
    }

    private static readonly HashSet<string> LabelTags = new(StringComparer.Ordinal)
    {
        "th", "td", "dt", "strong", "b", "h1", "h2", "h3", "h4", "h5", "h6", "label", "span", "li", "p", "div",
    };

    /// <summary>
    /// Text is kept up to this many characters per element: a label is at most 12, so a longer text without a
    /// colon is none, and nothing past this decides.
    /// </summary>
    private const int TextKept = 64;

    /// <summary>
    /// Texts of the label-like elements of the content, without their trailing colon. One walk, leaves first: each
    /// element's text (as <see cref="SitePages.Text"/> joins it) is built from its children's, cut at
    /// <see cref="TextKept"/> characters. Reading each element's whole text cost depth × size on nested pages.
    /// </summary>
    private static HashSet<string> Labels(IElement body, CancellationToken cancel)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var layout = PageLayout.Of(body.Owner!);
        var texts = new Dictionary<IElement, (string Text, bool Cut)>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(IElement Element, bool Leaving)>();
        stack.Push((body, false));
        var visited = 0;
        while (stack.Count > 0)
        {
            if (++visited % 4096 == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            var (element, leaving) = stack.Pop();
            if (!leaving)
            {
                if (element.LocalName is "script" or "style")
                {
                    continue;
                }

                stack.Push((element, true));
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement child)
                    {
                        stack.Push((child, false));
                    }
                }

                continue;
            }

            var (text, cut) = Join(element, texts);
            texts[element] = (text, cut);
            if (!ReferenceEquals(element, body) && LabelTags.Contains(element.LocalName) && (layout.RegionOf(element) & PageRegion.Chrome) == 0
                && Lead(element, text, cut) is { Length: > 0 and <= 12 } label)
            {
                labels.Add(label);
            }
        }

        return labels;
    }

    /// <summary>The element's text from its children's (taken out of <paramref name="texts"/>: each is read once).</summary>
    private static (string Text, bool Cut) Join(IElement element, Dictionary<IElement, (string Text, bool Cut)> texts)
    {
        var builder = new System.Text.StringBuilder();
        var cut = false;
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            string part;
            var partCut = false;
            if (children[i] is IElement child)
            {
                if (!texts.Remove(child, out var held))
                {
                    continue; // script, style
                }

                (part, partCut) = held;
            }
            else if (children[i].NodeType == NodeType.Text)
            {
                part = children[i].TextContent.Trim();
            }
            else
            {
                continue;
            }

            // Past the cut, children are still taken out of the table; their text no longer matters.
            if (part.Length == 0 || cut)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part.AsSpan(0, Math.Min(part.Length, TextKept + 1 - builder.Length)));
            if (builder.Length > TextKept)
            {
                builder.Length = TextKept;
                cut = true;
            }

            cut |= partCut;
        }

        return (builder.ToString(), cut);
    }

    /// <summary>
    /// The label an element starts with: its own text up to a colon (so "办理地点：政务大厅" gives 办理地点), only when
    /// the element is short or the colon marks a label. A text cut before any colon is too long to be one.
    /// </summary>
    private static string Lead(IElement element, string text, bool cut)
    {
        text = text.Trim();
        var colon = text.IndexOfAny(['：', ':']);
        if (colon >= 0)
        {
            text = text[..colon];
        }
        else if (cut)
        {
            return "";
        }
        else if (element.LocalName is "li" or "p" or "div" or "span" or "td")
        {
            return text.Length <= 8 ? text.TrimStart('一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '、', '.', ' ') : "";
        }

        return text.Trim().TrimStart('一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '、', '.', ' ', '（', '(', ')', '）').Trim();
    }

    private static bool HomepageLinksServices(SiteObservation observation, CheckContext context) =>
        SitePages.Homepage(observation) is { } home && context.Document(home) is { } document
        && document.QuerySelectorAll("a[href]").Any(a => ColumnClassifier.IsServices(SitePages.Text(a)) || SitePages.Text(a).Contains("办事指南", StringComparison.Ordinal));
}
