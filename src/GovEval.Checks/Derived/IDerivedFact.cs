using GovEval.Core.Observations;

namespace GovEval.Checks.Derived;

/// <summary>
/// A fact derived from one site's observations that more than one reader needs: the availability share and its
/// veto, the site's columns and their items, the homepage's items. Built the way Lighthouse's computed artifacts
/// are: one named piece per fact, derived once per site and requested by every check, the report and the monitor
/// through <see cref="CheckContext.Request{TFact, T}"/>. Readers that each derived "the same" fact by their own rule
/// disagreed (a 4.96 % share vetoed by one and not by the other); a reader asks, it never derives.
/// </summary>
/// <typeparam name="T">The derived value: immutable, since every reader of the site shares the one instance.</typeparam>
public interface IDerivedFact<T>
{
    /// <summary>
    /// Derives the fact from the observations and the context's options. Called at most once per site and context
    /// when it returns; it may request other facts, and like every check it never fetches or reads files.
    /// </summary>
    static abstract T Derive(SiteObservation observation, CheckContext context);
}
