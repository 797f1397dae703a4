namespace Logistics.Routing.Solver.Operators;

/// <summary>Exchanges U with the client after it (X) for V, between two routes.</summary>
internal sealed class SwapPairSingle : MoveOperator
{
    public override double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder) =>
        ru == rv || i + 1 > ru.Count ? double.PositiveInfinity
        : Against(builder.BoundReplaced(ru, i, i + 1, rv.At(j)), ru, builder.BoundReplaced(rv, j, j, ru.At(i), ru.At(i + 1)), rv);

    public override bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move)
    {
        if (ru == rv || i + 1 > ru.Count) return false;
        move.Rebuild(ru, Piece.Prefix(ru, i - 1), Piece.Visit(rv.At(j)), Piece.Suffix(ru, i + 2))
            .And(rv, Piece.Prefix(rv, j - 1), Piece.Range(ru, i, i + 1), Piece.Suffix(rv, j + 1));
        return true;
    }
}
