namespace Logistics.Routing.Planning;

/// <summary>Says why a stop the solver left out could not be served, by trying it alone on a vehicle of
/// each type in each of its receiving windows: the first limit that rules out every type is the
/// reason, and of several windows the one that comes closest to being served speaks.</summary>
public static class UnassignedClassifier
{
    public static UnassignedReason Classify(MappedProblem problem, int stop) =>
        problem.ClientsOf(stop).Select(client => ClassifyClient(problem, client)).Max();

    private static UnassignedReason ClassifyClient(MappedProblem problem, int client)
    {
        var data = problem.Data;
        var c = data.Clients[client];
        var location = data.LocationOf(client);
        var types = data.VehicleTypes.Where(t => t.Count > 0).ToList();

        types = types.Where(t => c.Demand.Select((d, i) => d <= t.Capacity[i]).All(fits => fits)).ToList();
        if (types.Count == 0) return UnassignedReason.Capacity;

        types = types.Where(t =>
        {
            var start = data.Depots[t.StartDepot];
            var end = data.Depots[t.EndDepot];
            var arrival = Math.Max(t.ShiftStart, start.OpenTime) + data.Duration[t.StartDepot, location];
            var serviceStart = Math.Max(arrival, c.WindowStart);
            var back = serviceStart + c.ServiceDuration + data.Duration[location, t.EndDepot];
            return serviceStart <= c.WindowEnd && back <= Math.Min(t.ShiftEnd, end.CloseTime);
        }).ToList();
        if (types.Count == 0) return UnassignedReason.TimeWindow;

        // Waiting is not counted: the vehicle can leave late enough to arrive as the window opens.
        types = types.Where(t =>
            data.Duration[t.StartDepot, location] + c.ServiceDuration + data.Duration[location, t.EndDepot] <= t.MaxDuration).ToList();
        return types.Count == 0 ? UnassignedReason.ShiftLength : UnassignedReason.FleetFull;
    }
}
