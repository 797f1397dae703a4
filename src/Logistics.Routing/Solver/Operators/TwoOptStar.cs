namespace Logistics.Routing.Solver.Operators;

/// <summary>Exchanges the tails of two routes: U's route continues with what followed V, and V's
/// route with what followed U (2-opt*, Potvin and Rousseau 1995).</summary>
internal sealed class TwoOptStar : MoveOperator
{
    public override bool AcceptsDepotAsV => true;

    public override double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder) =>
        ru == rv ? double.PositiveInfinity : Against(builder.BoundTails(ru, i, rv, j + 1), ru, builder.BoundTails(rv, j, ru, i + 1), rv);

    public override bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move)
    {
        if (ru == rv) return false;
        move.Rebuild(ru, Piece.Prefix(ru, i), Piece.Suffix(rv, j + 1))
            .And(rv, Piece.Prefix(rv, j), Piece.Suffix(ru, i + 1));
        return true;
    }
}
