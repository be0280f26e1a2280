namespace GovEval.Core.Rules;

/// <summary>Which thing a finding's url names (RULES.md §5).</summary>
public enum UrlMeaning
{
    /// <summary>The broken target (link, image, attachment, system entry).</summary>
    Target,

    /// <summary>The column's first list page, as linked from the site's navigation.</summary>
    Column,

    /// <summary>The page itself.</summary>
    Page,

    /// <summary>The homepage URL as given to the check.</summary>
    Site,
}

/// <summary>A rule of the check catalogue: a stable id shared with other tools, its Chinese name, what its url names.</summary>
public sealed record RuleInfo(string Id, string Name, UrlMeaning Url, bool Website);

/// <summary>
/// The check catalogue of RULES.md. Ids are a contract with other tools and the simulated web's ground
/// truth: extend, never rename. a11y.* and mobile.* are families whose members come from the browser engine.
/// </summary>
public static class RuleCatalogue
{
    public static IReadOnlyList<RuleInfo> All { get; } =
    [
        new("veto.unreachable", "站点无法访问", UrlMeaning.Site, true),
        new("veto.homepage-stale", "首页长期不更新", UrlMeaning.Site, true),
        new("veto.columns-stale", "栏目不更新", UrlMeaning.Site, true),
        new("veto.interaction", "互动回应差", UrlMeaning.Site, true),
        new("veto.services", "服务不实用", UrlMeaning.Site, true),
        new("veto.serious-error", "严重错误", UrlMeaning.Site, true),
        new("availability.homepage", "首页可用性", UrlMeaning.Site, true),
        new("links.broken-homepage", "首页链接不可用", UrlMeaning.Target, true),
        new("links.broken", "其他页面链接不可用", UrlMeaning.Target, true),
        new("freshness.homepage", "首页栏目更新量", UrlMeaning.Site, true),
        new("freshness.column", "栏目未按期更新", UrlMeaning.Column, true),
        new("columns.blank", "空白栏目", UrlMeaning.Column, true),
        new("interaction.channel", "咨询渠道", UrlMeaning.Site, true),
        new("interaction.unanswered", "留言未答复", UrlMeaning.Column, true),
        new("interaction.slow-reply", "答复不及时", UrlMeaning.Column, true),
        new("services.guide-elements", "办事指南要素缺失", UrlMeaning.Page, true),
        new("downloads.broken", "表格附件无法下载", UrlMeaning.Target, true),
        new("services.system-down", "在线系统无法访问", UrlMeaning.Target, true),
        new("search.missing", "无站内搜索", UrlMeaning.Site, true),
        new("search.not-found", "站内搜索查不到已发布信息", UrlMeaning.Site, true),
        new("identity.site-id-code", "网站标识码", UrlMeaning.Site, true),
        new("identity.footer", "页脚标识信息", UrlMeaning.Site, true),
        new("identity.domain", "网站域名", UrlMeaning.Site, true),
        new("meta.page-tags", "页面元数据标签", UrlMeaning.Page, true),
        new("security.https", "HTTPS", UrlMeaning.Site, true),
        new("security.headers", "安全响应头", UrlMeaning.Site, true),
        new("security.mixed-content", "混合内容", UrlMeaning.Page, true),
        new("network.ipv6", "IPv6 支持", UrlMeaning.Site, true),
        new("http.soft-404", "软404", UrlMeaning.Site, true),
        new("content.typo", "错别字与规范表述", UrlMeaning.Page, true),
        new("content.sensitive", "敏感词", UrlMeaning.Page, true),
        new("privacy.pii", "个人信息泄露", UrlMeaning.Page, true),
        new("newmedia.stale", "新媒体长期不更新", UrlMeaning.Site, false),
        new("newmedia.cadence", "新媒体更新频率", UrlMeaning.Site, false),
        new("newmedia.unanswered", "新媒体留言未回复", UrlMeaning.Site, false),
        new("newmedia.dead-menu", "新媒体菜单不可用", UrlMeaning.Site, false),
        new("newmedia.blank-menu", "新媒体空白菜单", UrlMeaning.Site, false),
    ];

    /// <summary>Rule families whose members are named by the browser engine (a11y.color-contrast, mobile.viewport).</summary>
    public static IReadOnlyList<string> Families { get; } = ["a11y.", "mobile."];

    private static readonly Dictionary<string, RuleInfo> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static bool IsKnown(string id) =>
        ById.ContainsKey(id) || Families.Any(f => id.StartsWith(f, StringComparison.Ordinal) && id.Length > f.Length);

    public static RuleInfo? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>Chinese name of a rule for reports; family members fall back to their id.</summary>
    public static string NameOf(string id) => ById.TryGetValue(id, out var rule) ? rule.Name : id;
}
