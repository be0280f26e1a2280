using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovEval.Store.Conversions;

/// <summary>
/// Stores an instant as UTC ticks: SQLite cannot compare or order DateTimeOffset, and a plain integer
/// orders the same on every engine. The offset is not kept; instants are read back in UTC.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
