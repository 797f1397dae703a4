using System.Diagnostics;
using Logistics.Routing.Model;

namespace Logistics.Routing.Engines;

/// <summary>Checks, and where it can restores, the planner's promise about priorities: no optional visit
/// is left out while one with a smaller prize (a lower tier, or not urgent) is served. Our engine keeps it
/// by construction (lexicographic 128-bit prizes); an engine with 64-bit penalties may not, so its
/// solution goes through here: each visit that breaks the promise is put back where it fits (cheapest
/// feasible position, or a vehicle not used yet), else in place of lower-prize visits of one route (smallest
/// prize first, as few as needed), which then go back wherever they still fit; every candidate route is timed
/// by <see cref="RouteSchedule"/>.</summary>
public static class TierGuarantee
{
    /// <param name="Solution">The solution after repair.</param>
    /// <param name="Restored">Visits put back.</param>
    /// <param name="Broken">Visits still left out while one with a smaller prize is served, though a vehicle could make them alone.</param>
    public sealed record Outcome(Solution Solution, int Restored, int Broken);

    public static Outcome Enforce(ProblemData data, Solution solution, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var routes = solution.Routes.Where(r => r.Clients.Count > 0).Select(r => (r.VehicleType, Clients: r.Clients.ToList())).ToList();
        var units = Units(data);
        var restored = 0;
        var displaced = new List<int>();
        // Highest prize first, so that a visit put back never displaces one that outranks it.
        foreach (var unit in units.Where(u => !IsServed(routes, u.Members)).OrderByDescending(u => u.Prize).ToList())
        {
            if (clock.Elapsed > budget) break;
            if (!ServesLower(data, routes, unit.Prize) || !AloneFeasible(data, unit.Members)) continue;
            if (TryInsert(data, routes, unit.Members)) restored++;
            else if (TryReplace(data, routes, unit) is { } removed)
            {
                restored++;
                displaced.AddRange(removed);
            }
        }
        // What made room goes back wherever it still fits, highest prize first.
        foreach (var unit in units.Where(u => u.Members.Any(displaced.Contains)).OrderByDescending(u => u.Prize))
        {
            if (clock.Elapsed > budget) break;
            if (!IsServed(routes, unit.Members)) TryInsert(data, routes, unit.Members);
        }
        // A visit no vehicle could make even alone (too big, window out of reach) breaks no promise by being left out.
        var broken = units.Count(u => !IsServed(routes, u.Members) && ServesLower(data, routes, u.Prize) && AloneFeasible(data, u.Members));
        var served = routes.SelectMany(r => r.Clients).ToHashSet();
        var unassigned = units.Where(u => !u.Members.Any(served.Contains)).SelectMany(u => u.Members)
            .Concat(Enumerable.Range(0, data.NumClients).Where(c => data.Clients[c].Required && !served.Contains(c) && !InGroup(data, c)))
            .Order().ToArray();
        return new Outcome(new Solution(routes.Select(r => new SolutionRoute(r.VehicleType, r.Clients)).ToArray(), unassigned), restored, broken);
    }

    private sealed record Unit(IReadOnlyList<int> Members, Int128 Prize);

    /// <summary>Optional visits: an optional group (its members are alternatives), or an optional client outside any group.</summary>
    private static List<Unit> Units(ProblemData data)
    {
        var units = data.Groups.Where(g => !g.Required).Select(g => new Unit(g.Clients, data.Clients[g.Clients[0]].Prize)).ToList();
        for (var c = 0; c < data.NumClients; c++)
            if (!data.Clients[c].Required && !InGroup(data, c)) units.Add(new Unit([c], data.Clients[c].Prize));
        return units;
    }

    private static bool InGroup(ProblemData data, int client) => data.Groups.Any(g => g.Clients.Contains(client));

    private static bool IsServed(List<(int VehicleType, List<int> Clients)> routes, IReadOnlyList<int> members) =>
        routes.Any(r => r.Clients.Any(members.Contains));

    private static bool ServesLower(ProblemData data, List<(int VehicleType, List<int> Clients)> routes, Int128 prize) =>
        routes.Any(r => r.Clients.Any(c => !data.Clients[c].Required && data.Clients[c].Prize < prize));

    private static bool AloneFeasible(ProblemData data, IReadOnlyList<int> members) =>
        Enumerable.Range(0, data.VehicleTypes.Count).Any(t => data.VehicleTypes[t].Count > 0 && members.Any(m => FeasibleCost(data, t, [m]) is not null));

    /// <summary>Cost of a route if it is feasible, else null.</summary>
    private static Int128? FeasibleCost(ProblemData data, int type, IReadOnlyList<int> clients)
    {
        var schedule = RouteSchedule.Compute(data, new SolutionRoute(type, clients));
        return schedule.IsFeasible ? (Int128)schedule.Cost + schedule.LatenessCost + schedule.ArrivalCost : null;
    }

    private static bool TryInsert(ProblemData data, List<(int VehicleType, List<int> Clients)> routes, IReadOnlyList<int> members)
    {
        (int Route, int Position, int Client, Int128 Delta)? best = null;
        for (var r = 0; r < routes.Count; r++)
        {
            var (type, clients) = routes[r];
            var before = FeasibleCost(data, type, clients) ?? 0;
            foreach (var m in members)
                for (var p = 0; p <= clients.Count; p++)
                {
                    var candidate = new List<int>(clients);
                    candidate.Insert(p, m);
                    if (FeasibleCost(data, type, candidate) is { } after && (best is null || after - before < best.Value.Delta))
                        best = (r, p, m, after - before);
                }
        }
        for (var t = 0; t < data.VehicleTypes.Count; t++)
        {
            if (routes.Count(r => r.VehicleType == t) >= data.VehicleTypes[t].Count) continue;
            foreach (var m in members)
                if (FeasibleCost(data, t, [m]) is { } cost && (best is null || cost < best.Value.Delta))
                    best = (-1 - t, 0, m, cost);
        }
        if (best is not { } b) return false;
        if (b.Route < 0) routes.Add((-1 - b.Route, [b.Client]));
        else routes[b.Route].Clients.Insert(b.Position, b.Client);
        return true;
    }

    /// <summary>Makes room on one route by taking out its visits of a smaller prize than the unit's, smallest first,
    /// until one of the unit's members fits; the visits taken out are returned so that they can be put back elsewhere.</summary>
    private static List<int>? TryReplace(ProblemData data, List<(int VehicleType, List<int> Clients)> routes, Unit unit)
    {
        var order = Enumerable.Range(0, routes.Count)
            .Where(r => routes[r].Clients.Any(c => IsLower(data, c, unit.Prize)))
            .OrderBy(r => routes[r].Clients.Where(c => IsLower(data, c, unit.Prize)).Min(c => data.Clients[c].Prize));
        foreach (var ri in order)
        {
            var (type, clients) = routes[ri];
            var without = new List<int>(clients);
            var removed = new List<int>();
            foreach (var victim in clients.Where(c => IsLower(data, c, unit.Prize)).OrderBy(c => data.Clients[c].Prize))
            {
                without.Remove(victim);
                removed.Add(victim);
                foreach (var m in unit.Members)
                    for (var p = 0; p <= without.Count; p++)
                    {
                        var candidate = new List<int>(without);
                        candidate.Insert(p, m);
                        if (FeasibleCost(data, type, candidate) is null) continue;
                        routes[ri] = (type, candidate);
                        return removed;
                    }
            }
        }
        return null;
    }

    private static bool IsLower(ProblemData data, int client, Int128 prize) => !data.Clients[client].Required && data.Clients[client].Prize < prize;
}
