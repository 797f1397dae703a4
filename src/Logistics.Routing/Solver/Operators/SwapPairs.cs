namespace Logistics.Routing.Solver.Operators;

/// <summary>Exchanges (U, X) for (V, Y), X and Y being the clients after U and V, between two routes.</summary>
internal sealed class SwapPairs : MoveOperator
{
    public override double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder) =>
        ru == rv || i + 1 > ru.Count || j + 1 > rv.Count ? double.PositiveInfinity
        : Against(builder.BoundReplaced(ru, i, i + 1, rv.At(j), rv.At(j + 1)), ru, builder.BoundReplaced(rv, j, j + 1, ru.At(i), ru.At(i + 1)), rv);

    public override bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move)
    {
        if (ru == rv || i + 1 > ru.Count || j + 1 > rv.Count) return false;
        move.Rebuild(ru, Piece.Prefix(ru, i - 1), Piece.Range(rv, j, j + 1), Piece.Suffix(ru, i + 2))
            .And(rv, Piece.Prefix(rv, j - 1), Piece.Range(ru, i, i + 1), Piece.Suffix(rv, j + 2));
        return true;
    }
}
