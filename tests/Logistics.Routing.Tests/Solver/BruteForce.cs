using Logistics.Routing.Model;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The optimum of a tiny single-type problem with required clients, by enumeration: every
/// solution is some order of all clients cut into consecutive routes, so the best cut of every
/// permutation (a shortest path over cut points, bounded by the fleet size) finds it. Routes are
/// priced by <see cref="RouteSchedule"/>, which shares no code with the solver's search.</summary>
internal static class BruteForce
{
    public static long Optimum(ProblemData data)
    {
        var n = data.NumClients;
        var vehicles = data.VehicleTypes[0].Count;
        var best = long.MaxValue;
        var routeCost = new Dictionary<string, long?>();
        foreach (var order in Permutations(Enumerable.Range(0, n).ToArray()))
        {
            // cheapest[k, i]: first i clients of the order served by k routes.
            var cheapest = new long[vehicles + 1, n + 1];
            for (var k = 0; k <= vehicles; k++)
                for (var i = 0; i <= n; i++) cheapest[k, i] = long.MaxValue;
            cheapest[0, 0] = 0;
            for (var k = 1; k <= vehicles; k++)
                for (var i = 1; i <= n; i++)
                    for (var j = 0; j < i; j++)
                    {
                        if (cheapest[k - 1, j] == long.MaxValue) continue;
                        var cost = Cost(data, order[j..i], routeCost);
                        if (cost is null) continue;
                        cheapest[k, i] = Math.Min(cheapest[k, i], cheapest[k - 1, j] + cost.Value);
                    }
            for (var k = 1; k <= vehicles; k++) best = Math.Min(best, cheapest[k, n]);
        }
        return best;
    }

    private static long? Cost(ProblemData data, int[] clients, Dictionary<string, long?> memo)
    {
        var key = string.Join(',', clients);
        if (memo.TryGetValue(key, out var known)) return known;
        var schedule = RouteSchedule.Compute(data, new SolutionRoute(0, clients));
        return memo[key] = schedule.IsFeasible ? schedule.Cost + schedule.LatenessCost : null;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        var a = (int[])items.Clone();
        var c = new int[a.Length];
        yield return (int[])a.Clone();
        var i = 0;
        while (i < a.Length)
        {
            if (c[i] < i)
            {
                var k = i % 2 == 0 ? 0 : c[i];
                (a[k], a[i]) = (a[i], a[k]);
                yield return (int[])a.Clone();
                c[i]++;
                i = 0;
            }
            else
            {
                c[i] = 0;
                i++;
            }
        }
    }
}
