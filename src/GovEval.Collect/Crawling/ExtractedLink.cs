using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// A link as written in markup: the raw reference (unresolved), where it was found and its text.
/// <paramref name="PagerRel"/>: its rel names it a neighbour in a sequence (rel="next" or "prev"), as pagers may.
/// </summary>
public readonly record struct ExtractedLink(string Reference, LinkSource Source, string? Text, bool PagerRel = false);
