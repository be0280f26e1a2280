using GovEval.Core.Registry;
using GovEval.Store.Entities;
using GovEval.Store.Imports;
using Microsoft.EntityFrameworkCore;

namespace GovEval.Store;

public sealed partial class GovEvalStore
{
    /// <summary>The shipped registry of <paramref name="year"/> with the units and channels imported for that year.</summary>
    public async Task<UnitRegistry> RegistryAsync(int year, CancellationToken cancel = default)
    {
        var (units, channels) = await ImportedAsync(year, cancel);
        return UnitRegistry.ForYear(year).With(units, channels);
    }

    /// <summary>Units and channels imported for <paramref name="year"/>, in official order.</summary>
    public async Task<(IReadOnlyList<Unit> Units, IReadOnlyList<Channel> Channels)> ImportedAsync(int year, CancellationToken cancel = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Year == year).ToListAsync(cancel);
        var channels = await db.Channels.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Id).ToListAsync(cancel);
        return (
            units.Select(ToUnit).OrderBy(u => u.Order).ThenBy(u => u.Code, StringComparer.Ordinal).ToList(),
            channels.Select(ToChannel).ToList());
    }

    /// <summary>
    /// Stores a validated import: new units and channels are added, known ones (same code; same unit, kind and
    /// URL or account) are updated. One transaction; rows are written in bulk, so the time goes in reading and
    /// checking the file, not in storing it.
    /// </summary>
    public Task<RegistryImportSummary> ImportRegistryAsync(RegistryImport import, CancellationToken cancel = default) =>
        InTransactionAsync(async () =>
        {
            if (import.Units.GroupBy(u => u.Unit.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } unitTwice)
            {
                throw new ArgumentException($"unit {unitTwice.Key} appears {unitTwice.Count()} times; give each unit once", nameof(import));
            }

            if (import.Channels.GroupBy(c => (c.Channel.UnitCode, c.Channel.Kind, ChannelTarget(c.Channel))).FirstOrDefault(g => g.Count() > 1) is { } channelTwice)
            {
                throw new ArgumentException($"channel {channelTwice.Key} appears {channelTwice.Count()} times; give each channel once", nameof(import));
            }

            var now = clock.GetUtcNow();
            var year = import.Year;
            var units = await db.Units.AsNoTracking().Where(u => u.Year == year).ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancel);
            var channels = await db.Channels.AsNoTracking().Where(c => c.Year == year)
                .ToDictionaryAsync(c => (c.UnitCode, c.Kind, c.Target), cancel);
            int unitsAdded = 0, unitsUpdated = 0, channelsAdded = 0, channelsUpdated = 0;
            var shipped = UnitRegistry.ForYear(year);
            await using (var insert = BulkRows<UnitEntity>.Insert(db))
            await using (var update = BulkRows<UnitEntity>.Update(db))
            {
                foreach (var (unit, source) in import.Units)
                {
                    var known = units.TryGetValue(unit.Code, out var entity);
                    entity ??= new UnitEntity { Year = year, Code = unit.Code, Name = "", Short = "", Level = "", Kind = "", Source = source };

                    // Overriding a shipped unit (new tags, a new name) changes a unit; it adds none.
                    if (!known && !shipped.Contains(unit.Code))
                    {
                        unitsAdded++;
                    }
                    else
                    {
                        unitsUpdated++;
                    }

                    entity.Name = unit.Name;
                    entity.Short = unit.Short;
                    entity.Level = UnitsFile.LevelId(unit.Level);
                    entity.Kind = unit.Kind;
                    entity.Parent = unit.Parent;
                    entity.Order = unit.Order;
                    entity.Tags = string.Join(',', unit.Tags);
                    entity.Source = source;
                    entity.ImportedAt = now;
                    await (known ? update : insert).WriteAsync(entity, cancel);
                }
            }

            await using (var insert = BulkRows<ChannelEntity>.Insert(db))
            await using (var update = BulkRows<ChannelEntity>.Update(db))
            {
                foreach (var (channel, source) in import.Channels)
                {
                    var key = (channel.UnitCode, channel.Kind.ToId(), ChannelTarget(channel));
                    var known = channels.TryGetValue(key, out var entity);
                    if (!known)
                    {
                        entity = new ChannelEntity { Year = year, UnitCode = key.UnitCode, Kind = key.Item2, Target = key.Item3, Name = "", Source = source };
                        channelsAdded++;
                    }
                    else if (entity!.Name == channel.Name && entity.Url == channel.Url && entity.Account == channel.Account
                             && entity.Portal == channel.Portal && entity.ExternalServices == channel.ExternalServices)
                    {
                        continue; // the same channel imported again: keep where it first came from
                    }
                    else
                    {
                        channelsUpdated++;
                    }

                    entity!.Name = channel.Name;
                    entity.Url = channel.Url;
                    entity.Account = channel.Account;
                    entity.Portal = channel.Portal;
                    entity.ExternalServices = channel.ExternalServices;
                    entity.Source = source;
                    entity.ImportedAt = now;
                    await (known ? update : insert).WriteAsync(entity, cancel);
                }
            }

            return new RegistryImportSummary(unitsAdded, unitsUpdated, channelsAdded, channelsUpdated);
        }, cancel);

    /// <summary>What identifies a channel of a unit: its URL, or its account where it has no URL.</summary>
    public static string ChannelTarget(Channel channel) => channel.Url ?? channel.Account ?? "";

    private static Unit ToUnit(UnitEntity e) => new(
        e.Code,
        e.Name,
        e.Short,
        UnitsFile.TryParseLevel(e.Level, out var level) ? level : throw new InvalidDataException($"stored unit {e.Code} has an unknown level '{e.Level}'"),
        e.Kind,
        e.Parent,
        e.Order,
        e.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static Channel ToChannel(ChannelEntity e) => new(
        e.UnitCode,
        ChannelKinds.TryParse(e.Kind, out var kind) ? kind : throw new InvalidDataException($"stored channel of {e.UnitCode} has an unknown kind '{e.Kind}'"),
        e.Name,
        e.Url,
        e.Account,
        e.Portal,
        e.ExternalServices);
}
