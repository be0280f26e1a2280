using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>A link as written in markup: the raw reference (unresolved), where it was found and its text.</summary>
public readonly record struct ExtractedLink(string Reference, LinkSource Source, string? Text);
