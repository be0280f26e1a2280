namespace GovEval.Sandbox.Quality;

/// <summary>How good a site is meant to be: clean, a few defects, many defects, or failing a single veto.</summary>
public enum QualityTier : byte
{
    Clean,
    Few,
    Many,
    Veto,
}
