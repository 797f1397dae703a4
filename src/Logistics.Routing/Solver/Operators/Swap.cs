namespace Logistics.Routing.Solver.Operators;

/// <summary>Exchanges U and V.</summary>
internal sealed class Swap : MoveOperator
{
    public override double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder) =>
        ru == rv ? double.NaN : Against(builder.BoundReplaced(ru, i, i, rv.At(j)), ru, builder.BoundReplaced(rv, j, j, ru.At(i)), rv);

    public override bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move)
    {
        if (ru != rv)
        {
            move.Rebuild(ru, Piece.Prefix(ru, i - 1), Piece.Visit(rv.At(j)), Piece.Suffix(ru, i + 1))
                .And(rv, Piece.Prefix(rv, j - 1), Piece.Visit(ru.At(i)), Piece.Suffix(rv, j + 1));
            return true;
        }
        if (i == j) return false;
        var (a, b) = i < j ? (i, j) : (j, i);
        if (b == a + 1)
            move.Rebuild(ru, Piece.Prefix(ru, a - 1), Piece.Visit(ru.At(b)), Piece.Visit(ru.At(a)), Piece.Suffix(ru, b + 1));
        else
            move.Rebuild(ru, Piece.Prefix(ru, a - 1), Piece.Visit(ru.At(b)), Piece.Range(ru, a + 1, b - 1), Piece.Visit(ru.At(a)), Piece.Suffix(ru, b + 1));
        return true;
    }
}
