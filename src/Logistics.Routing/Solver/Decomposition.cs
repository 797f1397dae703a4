using System.Diagnostics;
using Logistics.Routing.Model;

namespace Logistics.Routing.Solver;

/// <summary>Decomposition of a large instance (Santini, Schneider, Vidal and Vigo 2023): a group of
/// routes whose barycentres lie in one polar sector around the depot is cut out as a problem of its
/// own, built as a <see cref="ProblemData"/> with the same clients (windows, groups of alternative
/// windows, soft windows, prizes), the same vehicle types (capacity, shifts, costs) and the same
/// matrices, so every constraint of the whole holds in the part; the same search improves it from
/// those routes, and its best plan replaces the routes when it costs less.</summary>
internal sealed class Decomposition(SearchData data, SearchParameters parameters, CostEvaluator costs, Rng rng)
{
    private readonly List<int> _locations = [];
    private readonly int[] _subLocation = InitSubLocations(data.N);

    private static int[] InitSubLocations(int n)
    {
        var map = new int[n];
        Array.Fill(map, -1);
        return map;
    }

    /// <summary>Searches one sub-problem of <paramref name="best"/> (feasible) for at most
    /// <paramref name="iterations"/> iterations and writes the result back when it is better.</summary>
    /// <param name="temperatureShare">Start temperature of the sub-search, as a share of the cost per visit
    /// (the whole search's present one, so that a late sub-search does not undo what the whole has settled).</param>
    /// <returns>Whether <paramref name="best"/> changed, and the iterations the sub-search used.</returns>
    public (bool Improved, long Iterations) Improve(SearchSolution best, long iterations, double temperatureShare, Func<long> stamp,
        Stopwatch clock, TimeSpan limit, CancellationToken cancellation)
    {
        if (iterations <= 0) return (false, 0);
        var selected = SelectRoutes(best);
        if (selected.Count < 2) return (false, 0);
        var part = Prepare(best, selected, parts: 1, claimed: null);
        var (better, used) = part.Search(parameters, iterations, temperatureShare, (long)(rng.NextUInt64() >> 1), clock, limit, cancellation);
        if (better is not null) WriteBack(best, part, better, stamp);
        return (better is not null, used);
    }

    /// <summary>The whole of <paramref name="best"/> (feasible) cut into <paramref name="parts"/> sub-problems of nearby
    /// routes (polar sectors of route barycentres from a random angle, about equal in clients), searched at the same
    /// time, one thread each, for at most <paramref name="iterations"/> iterations each; every part that found a better
    /// plan of its routes is written back. The parts share no route and no client, so their results combine: this is how
    /// a second core works on the same plan as the first (Taillard 1993 partitions the same way, in parallel).</summary>
    /// <returns>Whether <paramref name="best"/> changed, and the iterations of all parts.</returns>
    public (bool Improved, long Iterations) ImproveInParallel(SearchSolution best, int parts, long iterations, double temperatureShare,
        Func<long> stamp, Stopwatch clock, TimeSpan limit, CancellationToken cancellation)
    {
        if (iterations <= 0 || parts < 2) return (false, 0);
        var sectors = SplitRoutes(best, parts);
        if (sectors.Count < 2) return (false, 0);
        var claimed = new HashSet<int>();
        var prepared = sectors.Select(sector => Prepare(best, sector, sectors.Count, claimed)).ToArray();
        var seeds = prepared.Select(_ => (long)(rng.NextUInt64() >> 1)).ToArray();
        var results = new (SearchSolution? Better, long Iterations)[prepared.Length];
        Parallel.For(0, prepared.Length, new ParallelOptions { MaxDegreeOfParallelism = prepared.Length },
            k => results[k] = prepared[k].Search(parameters, iterations, temperatureShare, seeds[k], clock, limit, cancellation));
        // Written back one after the other, once every part is done: a part reads the whole while it is prepared only.
        for (var k = 0; k < prepared.Length; k++)
            if (results[k].Better is { } better) WriteBack(best, prepared[k], better, stamp);
        return (results.Any(r => r.Better is not null), results.Sum(r => r.Iterations));
    }

    /// <summary>A sub-problem cut out of the whole: its problem, the whole's locations of its clients in its own order,
    /// the routes it replaces, and its start plan (those routes) with that plan's cost.</summary>
    private sealed record Part(ProblemData Problem, int[] Locations, List<SearchRoute> Selected,
        List<(int Type, int[] Clients)> Start, Int128 StartCost)
    {
        /// <summary>Searches the part on its own; only its own objects are touched, so parts run side by side.</summary>
        /// <returns>The part's best plan when it is feasible and costs less than the start, else null; and the iterations used.</returns>
        public (SearchSolution? Better, long Iterations) Search(SearchParameters parameters, long iterations, double temperatureShare, long seed,
            Stopwatch clock, TimeSpan limit, CancellationToken cancellation)
        {
            var subParameters = parameters with
            {
                StartTemperature = Math.Max(temperatureShare, parameters.EndTemperature),
                // A part is not cut again, neither one group at a time nor into parts of its own in parallel.
                Decompose = false,
                DecompositionWorkers = 1,
            };
            var search = new IteratedLocalSearch(new SearchData(Problem, subParameters), subParameters, seed);
            var outcome = search.Run(clock, limit, iterations, cancellation, (_, _, _) => { }, _ => { }, Start);
            return (outcome.Feasible && outcome.Cost < StartCost ? outcome.Best : null, outcome.Iterations);
        }
    }

    /// <param name="parts">How many parts of the same cut share the unused vehicles.</param>
    private Part Prepare(SearchSolution best, List<SearchRoute> selected, int parts, HashSet<int>? claimed)
    {
        CollectClients(best, selected, claimed);
        try
        {
            var sub = BuildProblem(best, selected, parts, out var start, out var startCost);
            claimed?.UnionWith(_locations);
            return new Part(sub, _locations.ToArray(), selected, start, startCost);
        }
        finally
        {
            foreach (var loc in _locations) _subLocation[loc] = -1;
            _locations.Clear();
        }
    }

    /// <summary>Every used route, in <paramref name="parts"/> polar sectors of their barycentres around the depot from a
    /// random angle, each with about the same number of clients.</summary>
    private List<List<SearchRoute>> SplitRoutes(SearchSolution s, int parts)
    {
        var used = ByAngle(s);
        if (used.Count < 2 * parts) return [];
        var pivot = used[rng.Next(used.Count)].Angle;
        used.Sort((a, b) => Math.IEEERemainder(a.Angle - pivot, 2 * Math.PI).CompareTo(Math.IEEERemainder(b.Angle - pivot, 2 * Math.PI)) is var c and not 0
            ? c : a.Route.Index.CompareTo(b.Route.Index));
        var total = used.Sum(u => u.Route.Count);
        var sectors = new List<List<SearchRoute>> { new() };
        var clients = 0;
        foreach (var (route, _) in used)
        {
            if (clients >= (long)total * sectors.Count / parts && sectors.Count < parts) sectors.Add([]);
            sectors[^1].Add(route);
            clients += route.Count;
        }
        return sectors.Count == parts && sectors.All(p => p.Count >= 2) ? sectors : [];
    }

    /// <summary>The used routes with the angle of their barycentre around their start depot.</summary>
    private List<(SearchRoute Route, double Angle)> ByAngle(SearchSolution s)
    {
        var used = new List<(SearchRoute Route, double Angle)>();
        foreach (var r in s.Routes)
        {
            if (r.IsEmpty) continue;
            double x = 0, y = 0;
            foreach (var c in r.Clients) (x, y) = (x + data.X[c], y + data.Y[c]);
            var depot = data.Types[r.Type].StartDepot;
            used.Add((r, Math.Atan2(y / r.Count - data.Y[depot], x / r.Count - data.X[depot])));
        }
        return used;
    }

    /// <summary>A random route and the routes whose barycentres are nearest to it in angle around
    /// the depot, until they hold <see cref="SearchParameters.SubproblemClients"/> clients.</summary>
    private List<SearchRoute> SelectRoutes(SearchSolution s)
    {
        var used = ByAngle(s);
        if (used.Count < 2) return [];
        var pivot = used[rng.Next(used.Count)].Angle;
        static double Apart(double a, double b) => Math.Abs(Math.IEEERemainder(a - b, 2 * Math.PI));
        used.Sort((a, b) => Apart(a.Angle, pivot).CompareTo(Apart(b.Angle, pivot)) is var c and not 0 ? c : a.Route.Index.CompareTo(b.Route.Index));
        var selected = new List<SearchRoute>();
        var clients = 0;
        foreach (var (route, _) in used)
        {
            if (clients >= parameters.SubproblemClients) break;
            selected.Add(route);
            clients += route.Count;
        }
        // The whole plan is no sub-problem.
        return selected.Count == used.Count ? [] : selected;
    }

    /// <summary>The clients of the sub-problem: those of the selected routes, the optional clients
    /// left out whose nearest visited client is on one of them, and every alternative of a group
    /// one of those belongs to (the others of a served group are not visited anywhere).</summary>
    /// <param name="claimed">Locations another part of the same cut already holds: an optional client left out, or a
    /// group served by none, goes to one part only.</param>
    private void CollectClients(SearchSolution s, List<SearchRoute> selected, HashSet<int>? claimed)
    {
        void Add(int loc)
        {
            if (_subLocation[loc] >= 0 || claimed is not null && claimed.Contains(loc)) return;
            _subLocation[loc] = data.NumDepots + _locations.Count;
            _locations.Add(loc);
            if (data.GroupOf[loc] >= 0)
                foreach (var member in data.GroupMembers[data.GroupOf[loc]]) Add(member);
        }
        var inSelected = new HashSet<int>(selected.Select(r => r.Index));
        foreach (var r in selected)
            foreach (var c in r.Clients) Add(c);
        for (var c = data.NumDepots; c < data.N; c++)
        {
            if (_subLocation[c] >= 0 || !s.CanInsert(c)) continue;
            foreach (var near in data.Adjacent[c])
                if (s.IsVisited(near))
                {
                    if (inSelected.Contains(s.RouteOf[near])) Add(c);
                    break;
                }
        }
    }

    private ProblemData BuildProblem(SearchSolution s, List<SearchRoute> selected, int parts, out List<(int Type, int[] Clients)> start,
        out Int128 startCost)
    {
        var problem = data.Problem;
        var clients = _locations.Select(loc => problem.Clients[loc - data.NumDepots]).ToArray();
        var size = data.NumDepots + _locations.Count;
        var full = new int[size];
        for (var d = 0; d < data.NumDepots; d++) full[d] = d;
        for (var k = 0; k < _locations.Count; k++) full[data.NumDepots + k] = _locations[k];
        var distance = new long[size * size];
        var duration = new long[size * size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
            {
                distance[i * size + j] = data.Distance(full[i], full[j]);
                duration[i * size + j] = data.Duration(full[i], full[j]);
            }

        var groups = new List<ClientGroup>();
        var groupDone = new HashSet<int>();
        foreach (var loc in _locations)
            if (data.GroupOf[loc] is var g and >= 0 && groupDone.Add(g))
                groups.Add(new ClientGroup(data.GroupMembers[g].Select(m => _subLocation[m] - data.NumDepots).ToArray(), data.GroupRequired[g]));

        // The selected routes' vehicles, and a few of the unused ones of each type, so that the part
        // may open a route (or, on a heterogeneous fleet, change a vehicle's type); parts of one cut
        // share them out, so that every part's routes find a vehicle when written back.
        var counts = new int[data.Types.Length];
        foreach (var r in selected) counts[r.Type]++;
        var empty = new int[data.Types.Length];
        foreach (var r in s.Routes)
            if (r.IsEmpty) empty[r.Type]++;
        var types = problem.VehicleTypes.Select((v, t) => v with { Count = counts[t] + Math.Min(empty[t] / parts, parameters.SubproblemSpareVehicles) }).ToArray();

        start = selected.Select(r =>
        {
            var mapped = new int[r.Count];
            for (var p = 0; p < r.Count; p++) mapped[p] = _subLocation[r.Clients[p]];
            return (r.Type, mapped);
        }).ToList();
        startCost = 0;
        foreach (var r in selected) startCost += costs.ObjectiveCost(r);
        foreach (var loc in _locations)
            if (!s.IsVisited(loc) && data.GroupOf[loc] < 0) startCost += s.Missed(loc);
        foreach (var g in groupDone)
            if (!s.IsServed(g)) startCost += s.Missed(data.GroupMembers[g][0]);

        return new ProblemData(problem.Depots, clients, types, new Matrix(size, distance), new Matrix(size, duration), groups);
    }

    /// <summary>Replaces the part's routes by those of <paramref name="better"/>, its search's plan, in route slots of the same types.</summary>
    private void WriteBack(SearchSolution s, Part part, SearchSolution better, Func<long> stamp)
    {
        foreach (var r in part.Selected)
        {
            foreach (var c in r.Clients) s.MarkUnvisited(c);
            r.SetClients([]);
            s.Refresh(r, costs);
            r.LastModified = stamp();
        }
        foreach (var sub in better.Routes)
        {
            if (sub.IsEmpty) continue;
            var route = s.EmptyRoute(sub.Type) ?? throw new InvalidOperationException("a sub-problem used more vehicles than the whole has");
            var mapped = new int[sub.Count];
            for (var p = 0; p < sub.Count; p++) mapped[p] = part.Locations[sub.Clients[p] - data.NumDepots];
            route.SetClients(mapped);
            s.Refresh(route, costs);
            route.LastModified = stamp();
        }
    }
}
