using Logistics.Routing.Model;
using Logistics.Routing.Solver;
using Logistics.Routing.Solver.Operators;

namespace Logistics.Routing.Tests.Solver.Operators;

/// <summary>The operators' shortcut bound (<see cref="MoveOperator.QuickBound"/>) turns a move down exactly when the
/// bound from the move's pieces would: it is that bound to the bit, or says the move does not apply exactly when
/// <see cref="MoveOperator.Build"/> does, or gives no value (then the pieces decide).</summary>
public class QuickBoundTests
{
    private static readonly MoveOperator[] Operators = MoveOperator.ClientPairs();

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void Is_the_pieces_bound_to_the_bit_for_every_move_it_prices(int seed, bool timed)
    {
        var rng = new Random(seed);
        var f = new SearchFixture(Problem(rng, clients: 30, timed), loadPenalty: 20, timeWarpPenalty: 3);
        var move = new Move();
        int priced = 0, betweenTypes = 0, withoutShortcut = 0;
        for (var round = 0; round < 5; round++)
        {
            // Three vans ending at the first depot and a truck ending at the second, some routes of one client.
            var order = Enumerable.Range(0, 30).OrderBy(_ => rng.Next()).ToArray();
            var cuts = new[] { 0, rng.Next(1, 4), rng.Next(8, 14), rng.Next(16, 24), 30 };
            var parts = Enumerable.Range(0, 4).Select(r => order[cuts[r]..cuts[r + 1]]).ToArray();
            f.WithRoutes(parts[0], parts[1], parts[2]).WithRoute(3, parts[3]);
            var routes = f.Solution.Routes.Where(r => !r.IsEmpty).ToArray();
            Assert.Equal(4, routes.Length);
            foreach (var ru in routes)
                foreach (var rv in routes)
                    for (var i = 1; i <= ru.Count; i++)
                        for (var j = 0; j <= rv.Count; j++)
                            foreach (var op in Operators)
                            {
                                if (j == 0 && !op.AcceptsDepotAsV) continue;
                                var quick = op.QuickBound(ru, i, rv, j, f.Builder);
                                var built = op.Build(ru, i, rv, j, move);
                                var name = $"{op.GetType().Name} ({ru.Index}: {i}, {rv.Index}: {j})";
                                if (double.IsPositiveInfinity(quick))
                                {
                                    Assert.False(built, $"{name} applies, but its shortcut says it does not");
                                    continue;
                                }
                                if (double.IsNaN(quick))
                                {
                                    withoutShortcut++;
                                    continue;
                                }
                                Assert.True(built, $"{name} does not apply, but its shortcut gives {quick}");
                                var fromPieces = f.Builder.LowerBound(move.RouteA!.Type, move.PiecesA) - move.RouteA.Cost;
                                fromPieces += f.Builder.LowerBound(move.RouteB!.Type, move.PiecesB) - move.RouteB.Cost;
                                Assert.True(BitConverter.DoubleToInt64Bits(fromPieces) == BitConverter.DoubleToInt64Bits(quick),
                                    $"{name}: shortcut {quick:R}, pieces {fromPieces:R}");
                                priced++;
                                if (move.RouteA.Type != move.RouteB.Type) betweenTypes++;
                            }
        }
        Assert.True(priced > 5_000, $"only {priced} moves priced by the shortcut");
        Assert.True(betweenTypes > 500, $"only {betweenTypes} moves between a van and the truck");
        // Intra-route moves, and 2-opt* between routes ending at different depots, go through the pieces.
        Assert.True(withoutShortcut > 1_000, $"only {withoutShortcut} moves without a shortcut");
    }

    /// <summary>An insertion's places are turned down unpriced by <see cref="RouteBuilder.BoundReplaced"/> (<see cref="Insertion"/>):
    /// for every client left out, route and place, it is the bound of the insertion's pieces to the bit, and never above
    /// what the insertion costs once priced, whatever the penalties.</summary>
    [Theory]
    [InlineData(4, false, 20, 3)]
    [InlineData(5, true, 20, 3)]
    [InlineData(6, true, 1e6, 1e4)]
    public void Bounds_every_place_of_an_insertion_from_below(int seed, bool timed, double loadPenalty, double timeWarpPenalty)
    {
        var rng = new Random(seed);
        var f = new SearchFixture(Problem(rng, clients: 30, timed), loadPenalty, timeWarpPenalty);
        var move = new Move();
        var places = 0;
        for (var round = 0; round < 5; round++)
            foreach (var u in FourRoutesSixLeftOut(f, rng))
                foreach (var route in f.Solution.Routes.Where(r => !r.IsEmpty))
                    for (var after = 0; after <= route.Count; after++)
                    {
                        var bound = f.Builder.BoundReplaced(route, after + 1, after, u) - route.Cost;
                        move.Rebuild(route, Piece.Prefix(route, after), Piece.Visit(u), Piece.Suffix(route, after + 1));
                        var fromPieces = f.Builder.LowerBound(route.Type, move.PiecesA) - route.Cost;
                        var priced = f.Builder.Cost(route.Type, move.PiecesA, f.Costs) - route.Cost;
                        Assert.True(BitConverter.DoubleToInt64Bits(fromPieces) == BitConverter.DoubleToInt64Bits(bound),
                            $"client {u} after position {after} of route {route.Index}: shortcut {bound:R}, pieces {fromPieces:R}");
                        Assert.True(bound <= priced, $"client {u} after position {after} of route {route.Index}: bound {bound:R} above its cost {priced:R}");
                        places++;
                    }
        Assert.True(places > 500, $"only {places} places tried");
    }

    /// <summary>A ceiling on what the insertion may add (<see cref="Insertion.Best"/>) changes only whether the best place
    /// is returned: the same place when it adds less than the ceiling, none when it does not.</summary>
    [Theory]
    [InlineData(7, false, 20, 3)]
    [InlineData(8, true, 20, 3)]
    [InlineData(9, true, 1e6, 1e4)]
    public void A_ceiling_keeps_the_best_place_below_it_and_only_that(int seed, bool timed, double loadPenalty, double timeWarpPenalty)
    {
        var rng = new Random(seed);
        var f = new SearchFixture(Problem(rng, clients: 30, timed), loadPenalty, timeWarpPenalty);
        var insertion = new Insertion(f.Data, f.Builder, f.Costs);
        var noRandom = new Rng(1);
        int kept = 0, refused = 0;
        for (var round = 0; round < 5; round++)
            foreach (var u in FourRoutesSixLeftOut(f, rng))
            {
                var best = insertion.Best(f.Solution, u, noRandom, 0) ?? throw new InvalidOperationException($"no place for client {u}");
                foreach (var ceiling in new[] { best.Delta + 1, Math.BitIncrement(best.Delta), best.Delta, best.Delta - 1, double.NegativeInfinity })
                {
                    var limited = insertion.Best(f.Solution, u, noRandom, 0, ceiling);
                    if (best.Delta < ceiling)
                    {
                        Assert.Equal(best, limited);
                        kept++;
                    }
                    else
                    {
                        Assert.True(limited is null, $"client {u}: a place adding {limited?.Delta:R} under the ceiling {ceiling:R}, the best adds {best.Delta:R}");
                        refused++;
                    }
                }
            }
        Assert.Equal(60, kept);
        Assert.Equal(90, refused);
    }

    /// <summary>24 of the 30 clients in random order in four routes (the truck's ends elsewhere); returns the 6 left out,
    /// to insert.</summary>
    private static int[] FourRoutesSixLeftOut(SearchFixture f, Random rng)
    {
        var order = Enumerable.Range(0, 30).OrderBy(_ => rng.Next()).ToArray();
        var cuts = new[] { 0, rng.Next(1, 4), rng.Next(8, 12), rng.Next(14, 20), 24 };
        var parts = Enumerable.Range(0, 4).Select(r => order[cuts[r]..cuts[r + 1]]).ToArray();
        f.WithRoutes(parts[0], parts[1], parts[2]).WithRoute(3, parts[3]);
        return order[24..].Select(c => f.Data.NumDepots + c).ToArray();
    }

    /// <summary>Clients with windows; vans (paying per time unit when <paramref name="timed"/>) end at the first depot,
    /// a truck with a fixed cost ends at the second.</summary>
    private static ProblemData Problem(Random rng, int clients, bool timed)
    {
        var points = Enumerable.Range(0, clients + 2).Select(_ => (X: rng.Next(100), Y: rng.Next(100))).ToArray();
        var m = Matrix.Build(points.Length, (i, j) =>
            (long)Math.Round(Math.Sqrt(Math.Pow(points[i].X - points[j].X, 2) + Math.Pow(points[i].Y - points[j].Y, 2))));
        var list = new List<Client>();
        for (var c = 2; c < clients + 2; c++)
        {
            long start = rng.Next(0, 400);
            list.Add(new Client($"c{c}", points[c].X, points[c].Y, [rng.Next(1, 10)], ServiceDuration: rng.Next(0, 15),
                WindowStart: start, WindowEnd: start + rng.Next(60, 300)));
        }
        return new ProblemData([new Depot("north", points[0].X, points[0].Y), new Depot("south", points[1].X, points[1].Y)], list,
        [
            new VehicleType("van", 3, [40], UnitDistanceCost: 1, UnitDurationCost: timed ? 2 : 0),
            new VehicleType("truck", 1, [80], EndDepot: 1, FixedCost: 50, UnitDistanceCost: 3, UnitDurationCost: timed ? 1 : 0),
        ], m, m);
    }
}
