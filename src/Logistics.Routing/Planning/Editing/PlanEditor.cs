using System.Globalization;
using Logistics.Routing.Engines;
using Logistics.Routing.Model;
using Logistics.Routing.Solver;
using CoreVehicleType = Logistics.Core.VehicleType;

namespace Logistics.Routing.Planning.Editing;

/// <summary>Changes to a finished plan, made on the same inputs the plan was made from: the plan is
/// turned back into the solver's <see cref="Solution"/>, edited there and timed again with
/// <see cref="RouteSchedule"/>, so an edited plan is timed exactly as the solver would time it.
/// Route ids survive edits (a route that was published stays the same truck's route).</summary>
public static class PlanEditor
{
    /// <summary>The solution the plan stands for: route i of the result is <c>plan.Routes[i]</c>. A stop is
    /// matched to the problem by its first order; of a store's windows, the one its service starts in.</summary>
    /// <exception cref="ArgumentException">The plan was not made from these inputs.</exception>
    public static Solution Rebuild(MappedProblem problem, Plan plan)
    {
        var stopOfOrder = StopOfOrder(problem);
        var typeIndex = TypeIndex(problem);
        var used = new HashSet<int>();
        var routes = new List<SolutionRoute>();
        foreach (var route in plan.Routes)
        {
            if (!typeIndex.TryGetValue(route.VehicleType, out var type))
                throw new ArgumentException($"route '{route.RouteId}' uses vehicle type '{route.VehicleType}', which the inputs do not have", nameof(plan));
            var clients = new List<int>();
            foreach (var stop in route.Stops)
            {
                if (stop.OrderIds.Count == 0 || !stopOfOrder.TryGetValue(stop.OrderIds[0], out var index))
                    throw new ArgumentException($"route '{route.RouteId}' has a stop at '{stop.StoreId}' whose orders the inputs do not have", nameof(plan));
                var client = ClientServing(problem, index, ProblemMapper.Seconds(stop.ServiceStart));
                clients.Add(client);
                used.Add(client);
            }
            routes.Add(new SolutionRoute(type, clients));
        }
        return new Solution(routes, Unused(problem, used));
    }

    /// <summary>Takes every delivery of <paramref name="storeId"/> off its route (or out of the unassigned
    /// list) and puts it on <paramref name="toRouteId"/> where it costs least, the route's stops keeping
    /// their order. Refused when no position keeps the route within its capacity, windows and shift.</summary>
    /// <exception cref="PlanEditException">The store has no delivery that day, the route does not exist, or the store is on it already.</exception>
    public static MoveResult Move(MappedProblem problem, Plan plan, string storeId, string toRouteId)
    {
        var target = plan.Routes.ToList().FindIndex(r => r.RouteId == toRouteId);
        if (target < 0)
            throw new PlanEditException("toRouteId", $"'{toRouteId}' is not a route of this plan; its routes are {string.Join(", ", plan.Routes.Select(r => r.RouteId))}");
        var stops = Enumerable.Range(0, problem.Stops.Count).Where(s => problem.Stops[s].Store.Id == storeId).ToList();
        if (stops.Count == 0)
            throw new PlanEditException("storeId", $"'{storeId}' has no delivery on {plan.Date:yyyy-MM-dd}; only stores with orders that day can be moved");

        var solution = Rebuild(problem, plan);
        var routes = solution.Routes.Select(r => r.Clients.ToList()).ToList();
        var moving = stops.SelectMany(problem.ClientsOf).ToHashSet();
        if (stops.All(s => problem.ClientsOf(s).Any(routes[target].Contains)))
            throw new PlanEditException("storeId", $"'{storeId}' is on {toRouteId} already");
        foreach (var clients in routes) clients.RemoveAll(moving.Contains);

        var data = problem.Data;
        var type = solution.Routes[target].VehicleType;
        foreach (var stop in stops)
        {
            if (CapacityRefusal(problem, routes[target], stop, type, toRouteId) is { } full) return full;
            var candidates = new List<(List<int> Clients, RouteSchedule Schedule)>();
            foreach (var client in problem.ClientsOf(stop))
                for (var position = 0; position <= routes[target].Count; position++)
                {
                    var clients = new List<int>(routes[target]);
                    clients.Insert(position, client);
                    candidates.Add((clients, RouteSchedule.Compute(data, new SolutionRoute(type, clients))));
                }
            var best = candidates.Where(c => c.Schedule.IsFeasible)
                .OrderBy(c => c.Schedule.Cost + c.Schedule.ArrivalCost + c.Schedule.LatenessCost).FirstOrDefault();
            if (best.Clients is null) return TimeRefusal(problem, candidates.Select(c => c.Schedule).ToList(), stop, type, toRouteId);
            routes[target] = best.Clients;
        }

        var edited = routes.Select((clients, i) => new SolutionRoute(solution.Routes[i].VehicleType, clients)).ToList();
        var used = edited.SelectMany(r => r.Clients).ToHashSet();
        return MoveResult.Moved(BuildKeepingIds(problem, new Solution(edited, Unused(problem, used)), plan.Routes) with { Engine = plan.Engine, Notes = plan.Notes });
    }

    /// <summary>Plans the day again with the routes named in <paramref name="lockedRouteIds"/> kept exactly as
    /// they are in <paramref name="basePlan"/>: their vehicles and orders are taken out of the problem, the rest
    /// is solved, and both are put together. New routes take numbers the locked ones do not use.</summary>
    /// <param name="problem">The inputs <paramref name="basePlan"/> was made from.</param>
    /// <returns>The merged plan, and the solver's result for the rest (null when nothing was left to plan).</returns>
    /// <exception cref="PlanEditException">A locked route id that the base plan does not have.</exception>
    public static (Plan Plan, SolverResult? Result) Reoptimize(DispatchProblem problem, Plan basePlan, IReadOnlyCollection<string> lockedRouteIds,
        SolverOptions options, IProgress<SolverProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var unknown = lockedRouteIds.Where(id => basePlan.Routes.All(r => r.RouteId != id)).ToList();
        if (unknown.Count > 0)
            throw new PlanEditException("lockedRouteIds", $"'{string.Join("', '", unknown)}' {(unknown.Count == 1 ? "is not a route" : "are not routes")} of plan {basePlan.Date:yyyy-MM-dd}; its routes are {string.Join(", ", basePlan.Routes.Select(r => r.RouteId))}");
        var locked = lockedRouteIds.ToHashSet(StringComparer.Ordinal);
        var full = ProblemMapper.Map(problem);
        var baseSolution = Rebuild(full, basePlan);

        var routes = new List<SolutionRoute>();
        var originals = new List<PlannedRoute?>();
        var lockedVehicles = new int[problem.Fleet.Count];
        var lockedOrders = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < basePlan.Routes.Count; i++)
        {
            if (!locked.Contains(basePlan.Routes[i].RouteId)) continue;
            routes.Add(baseSolution.Routes[i]);
            originals.Add(basePlan.Routes[i]);
            lockedVehicles[baseSolution.Routes[i].VehicleType]++;
            foreach (var stop in basePlan.Routes[i].Stops) lockedOrders.UnionWith(stop.OrderIds);
        }

        var rest = problem with
        {
            Orders = problem.Orders.Where(o => !lockedOrders.Contains(o.Id)).ToArray(),
            Fleet = problem.Fleet.Select((v, t) => WithCount(v, Math.Max(0, v.Count - lockedVehicles[t]))).ToArray(),
        };
        SolverResult? result = null;
        if (rest.Orders.Count > 0 && rest.Fleet.Any(v => v.Count > 0))
        {
            var restMapped = ProblemMapper.Map(rest);
            result = RoutingEngines.Solve(restMapped.Data, options, progress, cancellationToken);
            var fullStopOfOrder = StopOfOrder(full);
            foreach (var route in result.Solution.Routes.Where(r => r.Clients.Count > 0))
            {
                // Same fleet order in both problems, so vehicle type indices carry over; a client is the
                // same store's stop in the same window.
                routes.Add(new SolutionRoute(route.VehicleType, route.Clients.Select(c =>
                {
                    var restStop = restMapped.StopOfClient[c];
                    var window = restMapped.ClientsOf(restStop).ToList().IndexOf(c);
                    return full.ClientsOf(fullStopOfOrder[restMapped.Stops[restStop].Orders[0].Id]).ElementAt(window);
                }).ToArray()));
                originals.Add(null);
            }
        }

        var used = routes.SelectMany(r => r.Clients).ToHashSet();
        var merged = BuildKeepingIds(full, new Solution(routes, Unused(full, used)), originals);
        var typeOrder = TypeIndex(full);
        var lockedById = basePlan.Routes.Where(r => locked.Contains(r.RouteId)).ToDictionary(r => r.RouteId, StringComparer.Ordinal);
        // The locked routes as they were, object for object; timing them again on the same inputs gives
        // the same schedule, but the promise to the dispatcher is "unchanged", not "recomputed".
        var ordered = merged.Routes.Select(r => lockedById.GetValueOrDefault(r.RouteId) ?? r)
            .OrderBy(r => typeOrder[r.VehicleType]).ThenBy(r => r.VehicleNumber).ToArray();
        return (merged with { Routes = ordered, Engine = options.Engine, Notes = result?.Notes ?? [] }, result);
    }

    /// <summary>Builds the plan, then gives each route that came from <paramref name="originals"/>[i] (for
    /// solution route i) its old id and number; new routes (null) take the lowest free number of their type.</summary>
    private static Plan BuildKeepingIds(MappedProblem problem, Solution solution, IReadOnlyList<PlannedRoute?> originals)
    {
        var built = PlanBuilder.Build(problem, solution);
        var taken = originals.OfType<PlannedRoute>().Select(r => (r.VehicleType, r.VehicleNumber)).ToHashSet();
        var sources = solution.Routes.Select((r, i) => (r, i)).Where(p => p.r.Clients.Count > 0).Select(p => originals[p.i]).ToList();
        var routes = built.Routes.Select((route, k) =>
        {
            if (sources[k] is { } original) return route with { RouteId = original.RouteId, VehicleNumber = original.VehicleNumber };
            var number = 1;
            while (taken.Contains((route.VehicleType, number))) number++;
            taken.Add((route.VehicleType, number));
            return route with { RouteId = $"{route.VehicleType}-{number:00}", VehicleNumber = number };
        }).ToArray();
        return built with { Routes = routes };
    }

    private static MoveResult? CapacityRefusal(MappedProblem problem, List<int> route, int stop, int type, string routeId)
    {
        var data = problem.Data;
        var demand = data.Clients[problem.ClientsOf(stop).First()].Demand;
        for (var d = 0; d < data.Dimensions; d++)
        {
            var load = route.Sum(c => data.Clients[c].Demand[d]) + demand[d];
            var capacity = data.VehicleTypes[type].Capacity[d];
            if (load <= capacity) continue;
            var store = problem.Stops[stop].Store;
            var text = d == 0
                ? $"{routeId} would carry {load} cartons with the {demand[d]} of {store.Name} ({store.Id}); its vehicle holds {capacity}"
                : $"{routeId} would carry {Kg(load)} kg with the {Kg(demand[d])} kg of {store.Name} ({store.Id}); its vehicle holds {Kg(capacity)} kg";
            return MoveResult.Refused(MoveRefusalReason.Capacity, text);
        }
        return null;
    }

    /// <summary>Of the positions tried, none was feasible: if one kept every window, the shift is what
    /// rules the route out; otherwise the window of the stop that comes closest to being met.</summary>
    private static MoveResult TimeRefusal(MappedProblem problem, List<RouteSchedule> tried, int stop, int type, string routeId)
    {
        var data = problem.Data;
        var store = problem.Stops[stop].Store;
        var withinWindows = tried.Where(s => s.Stops.All(t => t.Lateness == 0)).OrderBy(s => s.Lateness).FirstOrDefault();
        if (withinWindows is not null)
        {
            var vehicle = data.VehicleTypes[type];
            var latestReturn = Math.Min(vehicle.ShiftEnd, data.Depots[vehicle.EndDepot].CloseTime);
            var why = withinWindows.Return > latestReturn
                ? $"it would be back at {Clock(withinWindows.Return)} at best, after its shift or the depot ends at {Clock(latestReturn)}"
                : $"it would take {withinWindows.Duration / 60} min at best, longer than its vehicle's {vehicle.MaxDuration / 60} min limit";
            return MoveResult.Refused(MoveRefusalReason.Shift, $"{routeId} cannot take {store.Name} ({store.Id}): {why}");
        }
        var best = tried.OrderBy(s => s.Stops.Sum(t => t.Lateness)).First();
        var late = best.Stops.OrderByDescending(t => t.Lateness).First();
        var lateStore = problem.Stops[problem.StopOfClient[late.Client]].Store;
        var window = string.Join(", ", lateStore.ReceivingWindows);
        var who = lateStore.Id == store.Id ? $"{store.Name} ({store.Id}) itself" : $"{lateStore.Name} ({lateStore.Id})";
        return MoveResult.Refused(MoveRefusalReason.ReceivingWindow,
            $"every position on {routeId} misses a receiving window: at best {who} would be served {Math.Ceiling(late.Lateness / 60.0)} min too late for its window {window}");
    }

    private static Dictionary<string, int> StopOfOrder(MappedProblem problem)
    {
        var stopOfOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < problem.Stops.Count; s++)
            foreach (var order in problem.Stops[s].Orders) stopOfOrder[order.Id] = s;
        return stopOfOrder;
    }

    private static Dictionary<string, int> TypeIndex(MappedProblem problem) =>
        problem.Source.Fleet.Select((v, i) => (v.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    private static int ClientServing(MappedProblem problem, int stop, long serviceStart)
    {
        var clients = problem.ClientsOf(stop).ToList();
        foreach (var c in clients)
            if (problem.Data.Clients[c].WindowStart <= serviceStart && serviceStart <= problem.Data.Clients[c].WindowEnd) return c;
        return clients[0];
    }

    private static int[] Unused(MappedProblem problem, HashSet<int> used) =>
        Enumerable.Range(0, problem.Data.NumClients).Where(c => !used.Contains(c)).ToArray();

    private static CoreVehicleType WithCount(CoreVehicleType v, int count) =>
        new(v.Id, count, v.CapacityCartons, v.CapacityKg, v.Shift, v.MaxRouteDuration, v.FixedCost, v.CostPerKm, v.CostPerHour, v.StartDepotId, v.EndDepotId);

    private static string Kg(long grams) => (grams / (double)ProblemMapper.GramsPerKg).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Clock(long seconds) => TimeOnly.MinValue.Add(TimeSpan.FromSeconds(seconds)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
