using GovEval.Core.Registry;

namespace GovEval.Core.Results;

/// <summary>How units of equal standing are listed: by the official sequence, by code, or as the input listed them.</summary>
public static class TieOrdering
{
    /// <summary>
    /// A comparer for <paramref name="order"/>. <paramref name="inputOrder"/> gives a unit's input position; units
    /// missing from the input (not assessed) follow the ones present, in official order.
    /// </summary>
    public static IComparer<Unit> Comparer(TieOrder order, Func<Unit, int?> inputOrder) => order switch
    {
        TieOrder.Code => Comparer<Unit>.Create((a, b) => string.CompareOrdinal(a.Code, b.Code)),
        TieOrder.Input => Comparer<Unit>.Create((a, b) =>
        {
            var (x, y) = (inputOrder(a) ?? int.MaxValue, inputOrder(b) ?? int.MaxValue);
            return x != y ? x.CompareTo(y) : Official(a, b);
        }),
        _ => Comparer<Unit>.Create(Official),
    };

    private static int Official(Unit a, Unit b) =>
        a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Code, b.Code);
}
