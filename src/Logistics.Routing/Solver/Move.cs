namespace Logistics.Routing.Solver;

/// <summary>A candidate move: the one or two routes it rebuilds, each as a list of pieces of the
/// current routes. Reused across evaluations to avoid allocation.</summary>
internal sealed class Move
{
    private readonly Piece[] _a = new Piece[6];
    private readonly Piece[] _b = new Piece[6];

    public SearchRoute? RouteA { get; private set; }
    public SearchRoute? RouteB { get; private set; }
    public int CountA { get; private set; }
    public int CountB { get; private set; }

    public ReadOnlySpan<Piece> PiecesA => _a.AsSpan(0, CountA);
    public ReadOnlySpan<Piece> PiecesB => _b.AsSpan(0, CountB);

    public Move Rebuild(SearchRoute route, Piece p1, Piece p2)
    {
        (RouteA, CountA, RouteB, CountB) = (route, 2, null, 0);
        (_a[0], _a[1]) = (p1, p2);
        return this;
    }

    public Move Rebuild(SearchRoute route, Piece p1, Piece p2, Piece p3)
    {
        (RouteA, CountA, RouteB, CountB) = (route, 3, null, 0);
        (_a[0], _a[1], _a[2]) = (p1, p2, p3);
        return this;
    }

    public Move Rebuild(SearchRoute route, Piece p1, Piece p2, Piece p3, Piece p4)
    {
        (RouteA, CountA, RouteB, CountB) = (route, 4, null, 0);
        (_a[0], _a[1], _a[2], _a[3]) = (p1, p2, p3, p4);
        return this;
    }

    public Move Rebuild(SearchRoute route, Piece p1, Piece p2, Piece p3, Piece p4, Piece p5)
    {
        (RouteA, CountA, RouteB, CountB) = (route, 5, null, 0);
        (_a[0], _a[1], _a[2], _a[3], _a[4]) = (p1, p2, p3, p4, p5);
        return this;
    }

    /// <summary>Adds the second route of an inter-route move.</summary>
    public Move And(SearchRoute route, Piece p1, Piece p2)
    {
        (RouteB, CountB) = (route, 2);
        (_b[0], _b[1]) = (p1, p2);
        return this;
    }

    public Move And(SearchRoute route, Piece p1, Piece p2, Piece p3)
    {
        (RouteB, CountB) = (route, 3);
        (_b[0], _b[1], _b[2]) = (p1, p2, p3);
        return this;
    }

    public Move And(SearchRoute route, Piece p1, Piece p2, Piece p3, Piece p4)
    {
        (RouteB, CountB) = (route, 4);
        (_b[0], _b[1], _b[2], _b[3]) = (p1, p2, p3, p4);
        return this;
    }
}
