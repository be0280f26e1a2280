namespace GovEval.Core.Frameworks;

/// <summary>
/// How a release measures the stability of its ranks and grades (<c>release: stability:</c> in the framework file,
/// OECD/JRC Handbook on Constructing Composite Indicators, step 7): <see cref="Samples"/> alternative weightings,
/// each weight moved uniformly within ±<see cref="Spread"/> of its nominal value and renormalised among its siblings,
/// drawn from a generator seeded with <see cref="Seed"/> so the same inputs give the same release; the published
/// interval runs from the <see cref="Low"/>th to the <see cref="High"/>th percentile. The numbers are the
/// framework's, never the code's: a province that wants ±10 % or 5,000 samples changes its file.
/// </summary>
public sealed record StabilitySettings(decimal Spread, int Samples, long Seed, int Low, int High);
