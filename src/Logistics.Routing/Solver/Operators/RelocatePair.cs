namespace Logistics.Routing.Solver.Operators;

/// <summary>Moves U and the client after it (X) to right after V, as (U, X) or reversed as (X, U).</summary>
internal sealed class RelocatePair(bool reversed) : MoveOperator
{
    public override bool AcceptsDepotAsV => true;

    public override double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder)
    {
        if (i + 1 > ru.Count) return double.PositiveInfinity;
        if (ru == rv) return double.NaN;
        var (first, second) = reversed ? (ru.At(i + 1), ru.At(i)) : (ru.At(i), ru.At(i + 1));
        return Against(builder.BoundReplaced(ru, i, i + 1), ru, builder.BoundReplaced(rv, j + 1, j, first, second), rv);
    }

    public override bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move)
    {
        if (i + 1 > ru.Count) return false;
        var pair = reversed ? Piece.Reversed(ru, i, i + 1) : Piece.Range(ru, i, i + 1);
        if (ru != rv)
        {
            move.Rebuild(ru, Piece.Prefix(ru, i - 1), Piece.Suffix(ru, i + 2))
                .And(rv, Piece.Prefix(rv, j), pair, Piece.Suffix(rv, j + 1));
            return true;
        }
        if (j >= i - 1 && j <= i + 1) return false;
        if (j < i) move.Rebuild(ru, Piece.Prefix(ru, j), pair, Piece.Range(ru, j + 1, i - 1), Piece.Suffix(ru, i + 2));
        else move.Rebuild(ru, Piece.Prefix(ru, i - 1), Piece.Range(ru, i + 2, j), pair, Piece.Suffix(ru, j + 1));
        return true;
    }
}
