using GovEval.Core.Registry;

namespace GovEval.Store.Imports;

/// <summary>A unit read from a registry import file, with the file:row it came from.</summary>
public sealed record ImportedUnit(Unit Unit, string Source);

/// <summary>A channel read from a registry import file, with the file:row it came from.</summary>
public sealed record ImportedChannel(Channel Channel, string Source);

/// <summary>
/// A validated registry import: units to add or change and channels to add or change. Rows that only
/// name an existing unit contribute a channel and no unit.
/// </summary>
public sealed record RegistryImport(int Year, IReadOnlyList<ImportedUnit> Units, IReadOnlyList<ImportedChannel> Channels);

/// <summary>What storing a registry import changed; channels imported again unchanged are not counted.</summary>
public sealed record RegistryImportSummary(int UnitsAdded, int UnitsUpdated, int ChannelsAdded, int ChannelsUpdated);
