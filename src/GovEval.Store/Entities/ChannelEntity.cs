namespace GovEval.Store.Entities;

/// <summary>
/// An imported channel of a unit for one registry year. <see cref="Target"/> is the URL or account that
/// identifies it, so re-importing the same channel updates it instead of adding a copy.
/// </summary>
public sealed class ChannelEntity
{
    public long Id { get; set; }

    public int Year { get; set; }

    public required string UnitCode { get; set; }

    /// <summary>A <see cref="GovEval.Core.Registry.ChannelKinds"/> id: website, app, weibo, wechat, data-portal, service-platform.</summary>
    public required string Kind { get; set; }

    public required string Name { get; set; }

    public string? Url { get; set; }

    public string? Account { get; set; }

    public required string Target { get; set; }

    public bool Portal { get; set; }

    public bool ExternalServices { get; set; }

    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
