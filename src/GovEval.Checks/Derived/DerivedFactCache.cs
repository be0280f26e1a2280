using GovEval.Core.Observations;

namespace GovEval.Checks.Derived;

/// <summary>
/// The derived facts of the sites one <see cref="CheckContext"/> checked, by site (the observation object) and fact.
/// A derivation that throws (the site's budget ran out, the command was cancelled) stores nothing, so the next
/// reader derives again and meets the same cancellation instead of a half-made fact.
/// </summary>
internal sealed class DerivedFactCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<SiteObservation, Dictionary<Type, object?>> sites = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(SiteObservation Site, Type Fact)> deriving = [];

    /// <summary>How many facts were derived (not served from the cache): tests show each is derived once.</summary>
    public int Derivations { get; private set; }

    public T Get<TFact, T>(SiteObservation observation, CheckContext context)
        where TFact : IDerivedFact<T>
    {
        // The lock is re-entrant: a fact that requests another derives it under the same lock.
        lock (gate)
        {
            if (!sites.TryGetValue(observation, out var facts))
            {
                sites[observation] = facts = [];
            }

            if (facts.TryGetValue(typeof(TFact), out var known))
            {
                return (T)known!;
            }

            if (!deriving.Add((observation, typeof(TFact))))
            {
                throw new InvalidOperationException($"derived fact {typeof(TFact).Name} requests itself");
            }

            try
            {
                var value = TFact.Derive(observation, context);
                facts[typeof(TFact)] = value;
                Derivations++;
                return value;
            }
            finally
            {
                deriving.Remove((observation, typeof(TFact)));
            }
        }
    }
}
