using System.Globalization;

namespace Logistics.Routing.Instances;

/// <summary>Checks benchmark routes against the raw instance rows, with its own arithmetic: it shares
/// no code with the solver, <see cref="Model.RouteSchedule"/> or the matrices built for the solver,
/// so that a bug there cannot hide a broken solution.</summary>
public static class BenchmarkSolutionChecker
{
    /// <summary>Slack for the floating-point sums of real distances; far below any time unit in the files.</summary>
    private const double TimeTolerance = 1e-6;

    /// <summary>Checks routes given as customer numbers as in the instance file (Solomon <c>CUST NO.</c>,
    /// TSPLIB node id), under <paramref name="convention"/> or else the instance's own.</summary>
    public static CheckReport Check(BenchmarkInstance instance, IEnumerable<IReadOnlyList<int>> routes, DistanceConvention? convention = null)
    {
        var used = convention ?? instance.Convention;
        var routeList = routes.ToList();
        var customers = instance.Customers.ToDictionary(c => c.Number);
        var visits = customers.Keys.ToDictionary(n => n, _ => new List<int>());
        var violations = new List<Violation>();
        var depot = instance.Depot;
        double total = 0;
        var vehicles = 0;

        for (var r = 0; r < routeList.Count; r++)
        {
            var routeNo = r + 1;
            var route = routeList[r];
            if (route.Count == 0) continue;
            vehicles++;
            long load = 0;
            var time = depot.ReadyTime;
            var previous = depot;
            foreach (var number in route)
            {
                if (!customers.TryGetValue(number, out var customer))
                {
                    violations.Add(new Violation(ViolationKind.UnknownCustomer, routeNo, number,
                        number == depot.Number
                            ? $"route {routeNo}: visits the depot ({number}) as a customer"
                            : $"route {routeNo}: customer {number} does not exist"));
                    continue;
                }
                visits[number].Add(routeNo);
                load += customer.Demand;
                var arc = Arc(previous, customer, used);
                total += arc;
                var start = Math.Max(time + arc, customer.ReadyTime);
                if (start > customer.DueDate + TimeTolerance)
                    violations.Add(new Violation(ViolationKind.LateService, routeNo, number,
                        $"route {routeNo}: service at customer {number} starts at {Format(start)}, after its due date {Format(customer.DueDate)}"));
                time = start + customer.ServiceTime;
                previous = customer;
            }
            var back = Arc(previous, depot, used);
            total += back;
            time += back;
            if (time > depot.DueDate + TimeTolerance)
                violations.Add(new Violation(ViolationKind.LateReturn, routeNo, null,
                    $"route {routeNo}: returns to the depot at {Format(time)}, after its due date {Format(depot.DueDate)}"));
            if (load > instance.Capacity)
                violations.Add(new Violation(ViolationKind.CapacityExceeded, routeNo, null,
                    $"route {routeNo}: carries {load}, capacity {instance.Capacity}"));
        }

        foreach (var (number, onRoutes) in visits.OrderBy(v => v.Key))
        {
            if (onRoutes.Count == 0)
                violations.Add(new Violation(ViolationKind.MissingCustomer, null, number, $"customer {number} is not visited"));
            else if (onRoutes.Count > 1)
                violations.Add(new Violation(ViolationKind.DuplicateVisit, onRoutes[1], number,
                    $"customer {number} is visited {onRoutes.Count} times (routes {string.Join(", ", onRoutes)})"));
        }
        if (instance.FleetBound is { } bound && vehicles > bound)
            violations.Add(new Violation(ViolationKind.TooManyRoutes, null, null, $"{vehicles} routes, the fleet has {bound} vehicles"));

        var distance = used switch
        {
            DistanceConvention.Dimacs => Math.Round(total, 1),
            DistanceConvention.Tsplib => Math.Round(total),
            _ => total,
        };
        return new CheckReport(used, distance, vehicles, violations);
    }

    /// <summary>The length of one arc under a convention, in the file's units (also its travel time).</summary>
    public static double Arc(BenchmarkNode from, BenchmarkNode to, DistanceConvention convention)
    {
        var dx = from.X - to.X;
        var dy = from.Y - to.Y;
        var d = Math.Sqrt(dx * dx + dy * dy);
        return convention switch
        {
            DistanceConvention.Dimacs => Math.Floor(10 * d + 1e-9) / 10,
            DistanceConvention.Real => d,
            DistanceConvention.Tsplib => Math.Floor(d + 0.5),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, null),
        };
    }

    private static string Format(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
