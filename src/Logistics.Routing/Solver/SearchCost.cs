namespace Logistics.Routing.Solver;

/// <summary>A solution's penalised cost in two parts: the prizes of clients left out, exact (they
/// can be far beyond a long, to rank priority levels lexicographically), and the penalised route
/// costs. Costs compare through their difference, taken part by part, so that a route cost change
/// still counts next to prizes that a double could not hold to the unit.</summary>
internal readonly record struct SearchCost(Int128 Missed, double Routes)
{
    /// <summary>This cost minus <paramref name="other"/>.</summary>
    public double Minus(SearchCost other) => (double)(Missed - other.Missed) + (Routes - other.Routes);

    /// <summary>This cost minus an objective value (routes plus prizes, no penalties).</summary>
    public double Minus(Int128 objective) => (double)(Missed - objective) + Routes;
}
