using Logistics.Routing.Model;

namespace Logistics.Routing.Planning;

/// <summary>Maps the solver's <see cref="Solution"/> back to the dispatcher's day: stores, orders,
/// clock times, kilometres and yuan.</summary>
public static class PlanBuilder
{
    public static Plan Build(MappedProblem problem, Solution solution)
    {
        var data = problem.Data;
        var fleet = problem.Source.Fleet;
        var numbers = new int[data.VehicleTypes.Count];
        var routes = new List<PlannedRoute>();
        var served = new HashSet<int>();
        foreach (var route in solution.Routes.Where(r => r.Clients.Count > 0))
        {
            var schedule = RouteSchedule.Compute(data, route);
            var type = fleet[route.VehicleType];
            var number = ++numbers[route.VehicleType];
            var stops = schedule.Stops.Select((s, i) =>
            {
                served.Add(problem.StopOfClient[s.Client]);
                var stop = problem.Stops[problem.StopOfClient[s.Client]];
                return new PlannedStop(
                    i + 1, stop.Store.Id, stop.Store.Name, stop.Store.Tier.Level, stop.Urgent, stop.Store.Location,
                    stop.Orders.Select(o => o.Id).ToArray(), stop.Cartons, stop.WeightKg,
                    Clock(s.Arrival), s.Wait / 60.0, Clock(s.ServiceStart), Clock(s.Departure),
                    (int)s.LoadAfter[0], problem.UsesWeight ? s.LoadAfter[1] / (double)ProblemMapper.GramsPerKg : null,
                    data.Clients[s.Client].LatenessWeight > 0 ? Math.Max(0, s.ServiceStart - data.Clients[s.Client].SoftWindowEnd) / 60.0 : 0);
            }).ToList();
            routes.Add(new PlannedRoute(
                $"{type.Id}-{number:00}", type.Id, number, type.StartDepotId, type.EndDepotId,
                Clock(schedule.Departure), Clock(schedule.Return), (int)schedule.InitialLoad[0],
                schedule.Distance / 1000.0, schedule.Duration / 60.0, CostUnits.ToYuan(schedule.Cost), schedule.IsFeasible, stops));
        }

        var unassigned = new List<UnassignedOrder>();
        for (var index = 0; index < problem.Stops.Count; index++)
        {
            if (served.Contains(index)) continue;
            var stop = problem.Stops[index];
            var reason = UnassignedClassifier.Classify(problem, index);
            unassigned.AddRange(stop.Orders.Select(o =>
                new UnassignedOrder(o.Id, stop.Store.Id, stop.Store.Name, stop.Store.Tier.Level, o.Urgent, o.Cartons, reason)));
        }

        var totals = new PlanTotals(
            routes.Count,
            routes.Sum(r => r.Stops.Count),
            routes.Sum(r => r.Stops.Sum(s => s.OrderIds.Count)),
            routes.Sum(r => r.Cartons),
            Math.Round(routes.Sum(r => r.DistanceKm), 3),
            Math.Round(routes.Sum(r => r.DurationMinutes) / 60, 3),
            routes.Sum(r => r.Cost),
            unassigned.Count,
            unassigned.Sum(u => u.Cartons),
            unassigned.GroupBy(u => u.Reason).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            unassigned.GroupBy(u => u.Tier).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()));
        return new Plan(problem.Source.Options.Date, totals, routes, unassigned, problem.Source.Depots, problem.Prizes.Strict);
    }

    /// <summary>Seconds from midnight as a clock time; a shift ends before midnight, so only an
    /// infeasible route could go past it, and that wraps rather than fails (the route says it is infeasible).</summary>
    private static TimeOnly Clock(long seconds) => TimeOnly.MinValue.Add(TimeSpan.FromSeconds(seconds));
}
