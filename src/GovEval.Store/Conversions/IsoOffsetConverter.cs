using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovEval.Store.Conversions;

/// <summary>
/// Stores a clock reading as ISO 8601 text with its offset (2020-12-31T00:00:00.0000000+08:00): the
/// assessment clock's local date matters for reports, so the offset it was given in must survive.
/// </summary>
public sealed class IsoOffsetConverter() : ValueConverter<DateTimeOffset, string>(
    value => value.ToString("O", CultureInfo.InvariantCulture),
    text => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None));
