namespace Logistics.Routing.Solver.Operators;

/// <summary>A local-search neighbourhood: for client U at position <c>i</c> of route <c>ru</c> and a
/// neighbour V at position <c>j</c> of route <c>rv</c> (<c>j</c> = 0: right after the start depot),
/// describe the routes the move would make, or say that it does not apply. Evaluating and applying
/// are generic (<see cref="RouteBuilder"/>), so an operator is its rebuild rule, and for its common inter-route
/// cases a shortcut to the bound the local search tests first (<see cref="QuickBound"/>).</summary>
internal abstract class MoveOperator
{
    /// <summary>The client-pair operators of the local search, in the order it tries them.</summary>
    public static MoveOperator[] ClientPairs() =>
    [
        new Relocate(), new RelocatePair(reversed: false), new RelocatePair(reversed: true),
        new Swap(), new SwapPairSingle(), new SwapPairs(), new TwoOptStar(), new TwoOpt(),
    ];

    /// <summary>Whether V may be the start depot (<c>j</c> = 0) for this operator.</summary>
    public virtual bool AcceptsDepotAsV => false;

    public abstract bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move);

    /// <summary>What <see cref="LocalSearch"/> compares with zero before pricing the move <see cref="Build"/> would
    /// describe: the lower bound of the new routes' cost (<see cref="RouteBuilder.LowerBound"/>) less the penalised cost of
    /// the routes they replace, computed straight from the routes' prefix sums for the common inter-route cases, to the
    /// bit what the move's pieces give; <see cref="double.PositiveInfinity"/> when the move does not apply; NaN when
    /// there is no such shortcut (then the move is built and bounded from its pieces).</summary>
    public virtual double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder) => double.NaN;

    /// <summary>The bound of two rebuilt routes against the routes they replace, summed as the local search does.</summary>
    protected static double Against(double boundU, SearchRoute ru, double boundV, SearchRoute rv)
    {
        var bound = boundU - ru.Cost;
        bound += boundV - rv.Cost;
        return bound;
    }
}
