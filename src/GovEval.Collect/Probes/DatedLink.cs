namespace GovEval.Collect.Probes;

/// <summary>
/// A linked item title with the date shown next to it (or encoded in its URL), read with
/// <see cref="Core.Text.DisplayedDates"/> like every date of the code base.
/// </summary>
public sealed record DatedLink(string Title, string Url, DateOnly Date);
