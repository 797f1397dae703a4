using Logistics.Routing.Model;

namespace Logistics.Routing.Engines;

/// <summary>A solution judged by our own rules, whichever engine found it: every route timed by
/// <see cref="RouteSchedule"/> (departure rule included), so that both engines' results are comparable.</summary>
/// <param name="Cost">The objective as <see cref="Solver.SolverResult.Cost"/> defines it: route costs, lateness
/// and arrival costs, plus the prizes of clients (a group counting once) left out.</param>
/// <param name="RouteCost">Fixed + distance + duration cost of the routes alone.</param>
/// <param name="Feasible">No route breaks a window, shift, duration or capacity, and every required client and group is served.</param>
/// <param name="Missed">Clients left out, a group counting once.</param>
public sealed record SolutionEvaluation(Int128 Cost, long RouteCost, bool Feasible, int Routes, int Missed)
{
    public static SolutionEvaluation Of(ProblemData data, Solution solution)
    {
        Int128 cost = 0;
        long routeCost = 0;
        var feasible = true;
        var routes = 0;
        var served = new bool[data.NumClients];
        foreach (var route in solution.Routes.Where(r => r.Clients.Count > 0))
        {
            var schedule = RouteSchedule.Compute(data, route);
            routes++;
            routeCost += schedule.Cost;
            cost += schedule.Cost + schedule.LatenessCost + schedule.ArrivalCost;
            feasible &= schedule.IsFeasible;
            foreach (var c in route.Clients) served[c] = true;
        }
        var inGroup = new bool[data.NumClients];
        var missed = 0;
        foreach (var group in data.Groups)
        {
            foreach (var c in group.Clients) inGroup[c] = true;
            if (group.Clients.Any(c => served[c])) continue;
            missed++;
            if (group.Required) feasible = false;
            else cost += data.Clients[group.Clients[0]].Prize;
        }
        for (var c = 0; c < data.NumClients; c++)
        {
            if (inGroup[c] || served[c]) continue;
            missed++;
            if (data.Clients[c].Required) feasible = false;
            else cost += data.Clients[c].Prize;
        }
        return new SolutionEvaluation(cost, routeCost, feasible, routes, missed);
    }
}
