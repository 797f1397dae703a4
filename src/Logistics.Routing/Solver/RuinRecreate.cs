namespace Logistics.Routing.Solver;

/// <summary>The perturbation: remove strings of consecutive clients from routes near a random
/// seed client, then reinsert them greedily in a random order with blinks ("Slack Induction by
/// String Removals", Christiaens and Vanden Berghe 2020).</summary>
internal sealed class RuinRecreate(SearchData data, SearchParameters parameters, CostEvaluator costs, Insertion insertion, Rng rng)
{
    private readonly List<int> _removed = [];
    private readonly long[] _ruinedStamp = new long[data.Types.Sum(t => t.Count)];
    private readonly double[] _sortKey = new double[data.N];
    private long _stamp;

    /// <summary>Builds a solution from nothing: every client inserted at its cheapest place. From
    /// <see cref="SearchParameters.ConstructionWindowsMinClients"/> clients on, time warp costs
    /// <see cref="SearchParameters.ConstructionTimeWarpFactor"/> times its starting weight while it builds, so that a
    /// client that fits no route's windows opens a route rather than breaking a window.</summary>
    public void Construct(SearchSolution s, Func<long> stamp)
    {
        _removed.Clear();
        for (var c = data.NumDepots; c < data.N; c++) _removed.Add(c);
        if (data.NumClients < parameters.ConstructionWindowsMinClients)
        {
            Recreate(s, order: 0, stamp);
            return;
        }
        var timeWarpPenalty = costs.TimeWarpPenalty;
        costs.TimeWarpPenalty *= parameters.ConstructionTimeWarpFactor;
        Recreate(s, order: 0, stamp);
        costs.TimeWarpPenalty = timeWarpPenalty;
        s.RepriceAll(costs);
    }

    /// <param name="stamp">Gives the move-counter value that marks a changed route for the local search.</param>
    /// <param name="profile">Receives the time of the ruin and of the recreate.</param>
    public void Apply(SearchSolution s, Func<long> stamp, SearchProfile? profile = null)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        s.RepriceAll(costs); // routes copied from another solution carry costs priced with older penalties
        Ruin(s, stamp);
        profile?.Add(SearchPhase.Ruin, start);
        start = System.Diagnostics.Stopwatch.GetTimestamp();
        // Optional clients left out earlier get another chance, a few at a time.
        for (var c = data.NumDepots; c < data.N && _removed.Count < 4 * parameters.RuinAverageRemoved; c++)
            if (!s.IsVisited(c) && !_removed.Contains(c) && rng.NextDouble() < 0.1) _removed.Add(c);
        Recreate(s, RecreateOrder(), stamp);
        profile?.Add(SearchPhase.Recreate, start);
    }

    /// <summary>Inserts <paramref name="clients"/> (those not visited and not served through their group)
    /// greedily, in one of the orders <see cref="Apply"/> draws from: the recreate after a crossover.</summary>
    public void Reinsert(SearchSolution s, List<int> clients, Func<long> stamp)
    {
        _removed.Clear();
        _removed.AddRange(clients);
        Recreate(s, RecreateOrder(), stamp);
    }

    private int RecreateOrder() => rng.Next(11) switch { < 4 => 0, < 8 => 1, < 10 => 2, _ => 3 };

    private void Ruin(SearchSolution s, Func<long> stamp)
    {
        _removed.Clear();
        _stamp++;
        int used = 0, visits = 0;
        foreach (var r in s.Routes)
            if (!r.IsEmpty) { used++; visits += r.Count; }
        if (used == 0) return;

        var maxString = Math.Min(parameters.RuinMaxStringLength, (double)visits / used);
        var maxStrings = 4 * parameters.RuinAverageRemoved / (1 + maxString) - 1;
        var strings = (int)(rng.NextDouble() * maxStrings) + 1;

        var seed = data.NumDepots + rng.Next(data.NumClients);
        var ruined = 0;
        for (var k = -1; k < data.Adjacent[seed].Length && ruined < strings; k++)
        {
            var c = k < 0 ? seed : data.Adjacent[seed][k];
            if (!s.IsVisited(c)) continue;
            var route = s.Routes[s.RouteOf[c]];
            if (_ruinedStamp[route.Index] == _stamp) continue;
            _ruinedStamp[route.Index] = _stamp;
            ruined++;

            var length = (int)(rng.NextDouble() * Math.Min(route.Count, maxString)) + 1;
            var position = s.PosOf[c];
            var lowest = Math.Max(1, position - length + 1);
            var highest = Math.Min(position, route.Count - length + 1);
            var start = lowest + rng.Next(highest - lowest + 1);
            for (var p = start + length - 1; p >= start; p--)
            {
                var removed = route.At(p);
                _removed.Add(removed);
                route.RemoveAt(p);
                s.MarkUnvisited(removed);
            }
            s.Refresh(route, costs);
            route.LastModified = stamp();
        }
    }

    /// <param name="order">0 random, 1 largest demand first, 2 farthest from the depot first, 3 closest first;
    /// within that, clients whose absence costs more (a higher priority level) always come first, so
    /// that they take the room a short fleet has before lower levels do.</param>
    private void Recreate(SearchSolution s, int order, Func<long> stamp)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_removed);
        rng.Shuffle(span);
        if (order != 0 || data.HasPriorityLevels)
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = span[i];
                _sortKey[c] = order switch
                {
                    0 => i,
                    1 => -TotalDemand(c),
                    2 => -data.Distance(0, c),
                    _ => data.Distance(0, c),
                };
            }
            span.Sort((a, b) => s.Missed(b).CompareTo(s.Missed(a)) is var byLevel and not 0 ? byLevel : _sortKey[a].CompareTo(_sortKey[b]));
        }
        foreach (var u in span)
        {
            if (!s.CanInsert(u)) continue;
            // A group is served by whichever member (e.g. receiving window) inserts cheapest.
            var (chosen, place) = (u, BestPlace(s, u));
            if (data.GroupOf[u] >= 0)
                foreach (var w in data.GroupMembers[data.GroupOf[u]])
                    if (w != u && BestPlace(s, w) is { } p && (place is null || p.Delta < place.Value.Delta))
                        (chosen, place) = (w, p);
            if (place is null || place.Value.Delta >= s.MissedCost(chosen)) continue;
            insertion.Apply(s, chosen, place.Value);
            place.Value.Route.LastModified = stamp();
        }
    }

    private Insertion.Place? BestPlace(SearchSolution s, int u) =>
        insertion.Best(s, u, rng, parameters.BlinkRate) ?? insertion.Best(s, u, rng, 0);

    private double TotalDemand(int c)
    {
        long total = 0;
        for (var k = 0; k < data.Dims; k++) total += data.Demand[c * data.Dims + k];
        return total;
    }
}
