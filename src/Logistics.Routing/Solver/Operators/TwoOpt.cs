namespace Logistics.Routing.Solver.Operators;

/// <summary>Reverses the part of one route between U and V so that they become adjacent.</summary>
internal sealed class TwoOpt : MoveOperator
{
    public override double QuickBound(SearchRoute ru, int i, SearchRoute rv, int j, RouteBuilder builder) =>
        ru != rv ? double.PositiveInfinity : double.NaN;

    public override bool Build(SearchRoute ru, int i, SearchRoute rv, int j, Move move)
    {
        if (ru != rv) return false;
        if (i < j)
        {
            if (j < i + 2) return false;
            move.Rebuild(ru, Piece.Prefix(ru, i), Piece.Reversed(ru, i + 1, j), Piece.Suffix(ru, j + 1));
        }
        else
        {
            if (i < j + 2) return false;
            move.Rebuild(ru, Piece.Prefix(ru, j), Piece.Reversed(ru, j + 1, i), Piece.Suffix(ru, i + 1));
        }
        return true;
    }
}
