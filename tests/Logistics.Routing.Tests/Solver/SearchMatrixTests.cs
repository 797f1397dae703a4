using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The search keeps the distance and time matrices with the locations renumbered (nearby ones close in
/// memory) and in 32 bits when every value fits: whatever the storage, each arc must read exactly the problem's value.</summary>
public class SearchMatrixTests
{
    [Theory]
    [InlineData(1, 0L)]
    [InlineData(2, 3_000_000_000L)] // beyond 32 bits: the 64-bit storage
    public void Every_arc_reads_the_problem_s_distance_and_time_in_either_direction(int seed, long offset)
    {
        var tiny = TinyInstances.Random(seed, clients: 40, vehicles: 5, capacity: 50, windows: true);
        var rng = new Random(seed);
        var n = tiny.Depots.Count + tiny.Clients.Count;
        // Asymmetric, and time unlike distance, so that a swapped index or matrix shows.
        var distance = Matrix.Build(n, (i, j) => i == j ? 0 : tiny.Distance[i, j] + rng.Next(50) + (i < j ? offset : 0));
        var duration = Matrix.Build(n, (i, j) => i == j ? 0 : 2 * tiny.Duration[i, j] + rng.Next(7));
        var problem = new ProblemData(tiny.Depots, tiny.Clients, tiny.VehicleTypes, distance, duration);

        var data = new SearchData(problem, new SearchParameters());

        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                Assert.Equal(distance[i, j], data.Distance(i, j));
                Assert.Equal(duration[i, j], data.Duration(i, j));
            }
        Assert.Equal(Math.Max(1, Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, n).Select(j => distance[i, j])).Max()), data.MaxDistance);
    }
}
