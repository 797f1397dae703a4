namespace Logistics.Routing.Solver.Operators;

/// <summary>Moves U to right after V.</summary>
internal sealed class Relocate : MoveOperator
{
    public override bool AcceptsDepotAsV => true;

    public override double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder) =>
        ru == rv ? double.NaN : Against(builder.BoundReplaced(ru, i, i), ru, builder.BoundReplaced(rv, j + 1, j, ru.At(i)), rv);

    public override bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move)
    {
        var u = Piece.Visit(ru.At(i));
        if (ru != rv)
        {
            move.Rebuild(ru, Piece.Prefix(ru, i - 1), Piece.Suffix(ru, i + 1))
                .And(rv, Piece.Prefix(rv, j), u, Piece.Suffix(rv, j + 1));
            return true;
        }
        if (j == i || j == i - 1) return false;
        if (j < i) move.Rebuild(ru, Piece.Prefix(ru, j), u, Piece.Range(ru, j + 1, i - 1), Piece.Suffix(ru, i + 1));
        else move.Rebuild(ru, Piece.Prefix(ru, i - 1), Piece.Range(ru, i + 1, j), u, Piece.Suffix(ru, j + 1));
        return true;
    }
}
