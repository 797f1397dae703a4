using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The granular neighbour lists pick the nearest candidates with a bounded heap; they must be exactly the
/// first k of a full sort, ties to the lower index, or every seeded plan would change.</summary>
public class NeighbourListTests
{
    [Theory]
    [InlineData(1, 500, 30)]
    [InlineData(2, 40, 40)]
    [InlineData(3, 10, 30)]
    [InlineData(4, 1000, 1)]
    public void The_nearest_k_are_the_first_k_of_a_full_sort_with_ties_to_the_lower_index(int seed, int n, int k)
    {
        var rng = new Random(seed);
        // Few distinct keys, so that ties are common.
        var key = Enumerable.Range(0, n).Select(_ => (double)rng.Next(20)).ToArray();
        var candidates = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();

        var expected = candidates.OrderBy(c => key[c]).ThenBy(c => c).Take(k).ToArray();

        Assert.Equal(expected, SearchData.Nearest(candidates, key, k));
    }

    [Fact]
    public void No_candidates_or_k_of_zero_give_an_empty_list()
    {
        Assert.Empty(SearchData.Nearest([], [1.0], 5));
        Assert.Empty(SearchData.Nearest([0], [1.0], 0));
    }
}
