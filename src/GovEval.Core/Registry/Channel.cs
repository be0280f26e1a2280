namespace GovEval.Core.Registry;

/// <summary>The ways a unit serves people online; the seed assesses all of them.</summary>
public enum ChannelKind
{
    Website,
    App,
    Weibo,
    WeChat,
    DataPortal,
    ServicePlatform,
}

/// <summary>
/// A channel of a unit. <see cref="Portal"/> and <see cref="ExternalServices"/> are facts frameworks
/// condition on (bonus points only for portals; units without external services skip 办事服务).
/// </summary>
public sealed record Channel(
    string UnitCode,
    ChannelKind Kind,
    string Name,
    string? Url,
    string? Account,
    bool Portal,
    bool ExternalServices);

public static class ChannelKinds
{
    private static readonly Dictionary<string, ChannelKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["website"] = ChannelKind.Website,
        ["网站"] = ChannelKind.Website,
        ["app"] = ChannelKind.App,
        ["weibo"] = ChannelKind.Weibo,
        ["微博"] = ChannelKind.Weibo,
        ["wechat"] = ChannelKind.WeChat,
        ["微信"] = ChannelKind.WeChat,
        ["data-portal"] = ChannelKind.DataPortal,
        ["数据开放平台"] = ChannelKind.DataPortal,
        ["service-platform"] = ChannelKind.ServicePlatform,
        ["政务服务平台"] = ChannelKind.ServicePlatform,
    };

    public static bool TryParse(string text, out ChannelKind kind) => ByName.TryGetValue(text.Trim(), out kind);

    public static string ToId(this ChannelKind kind) => kind switch
    {
        ChannelKind.Website => "website",
        ChannelKind.App => "app",
        ChannelKind.Weibo => "weibo",
        ChannelKind.WeChat => "wechat",
        ChannelKind.DataPortal => "data-portal",
        ChannelKind.ServicePlatform => "service-platform",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IEnumerable<string> Ids => Enum.GetValues<ChannelKind>().Select(ToId);
}
