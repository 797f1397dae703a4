namespace Logistics.Routing.Solver;

/// <summary>Part of a route as a move would rebuild it: the start of a route up to a position, the
/// rest of a route from a position, a run of positions (possibly reversed), or one client.
/// Pieces refer to routes as they are before the move.</summary>
internal readonly record struct Piece(PieceKind Kind, SearchRoute? Route, int From, int To, int Location)
{
    /// <summary>Positions 0 … <paramref name="to"/> of <paramref name="route"/>, start depot included.</summary>
    public static Piece Prefix(SearchRoute route, int to) => new(PieceKind.Prefix, route, 0, to, -1);

    /// <summary>Clients at positions <paramref name="from"/> … Count of <paramref name="route"/>, then the end depot of the route being built.</summary>
    public static Piece Suffix(SearchRoute route, int from) => new(PieceKind.Suffix, route, from, route.Count, -1);

    /// <summary>Clients at positions <paramref name="from"/> … <paramref name="to"/>.</summary>
    public static Piece Range(SearchRoute route, int from, int to) => new(PieceKind.Range, route, from, to, -1);

    public static Piece Reversed(SearchRoute route, int from, int to) => new(PieceKind.Reversed, route, from, to, -1);

    public static Piece Visit(int location) => new(PieceKind.Visit, null, 0, 0, location);
}

internal enum PieceKind : byte { Prefix, Suffix, Range, Reversed, Visit }
