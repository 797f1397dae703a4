using Logistics.Routing.Engines;
using Logistics.Routing.Solver;
using Logistics.Routing.TravelTimes;
using Logistics.Core.Csv;

namespace Logistics.Routing.Planning;

/// <summary>What `logistics plan` does, without the console: read the three files, map, solve, map back.</summary>
public static class PlanRunner
{
    /// <summary>Reads and validates every file, collecting the errors of all of them before refusing.</summary>
    /// <param name="matrixPath">A travel-time matrix (CSV or JSON); null for the great-circle default.</param>
    /// <param name="softWindows">Null keeps receiving windows hard.</param>
    /// <exception cref="InputValidationException">Every error of every file.</exception>
    public static DispatchProblem Load(string storesPath, string ordersPath, string fleetPath, DateOnly date, string? matrixPath = null,
        SoftWindowPolicy? softWindows = null)
    {
        var errors = new List<InputError>();
        var stores = Collect(errors, () => StoresCsv.Read(storesPath)) ?? [];
        // Orders are checked against the stores that could be read, so a broken stores file does not
        // also flag every order of its broken rows as unknown.
        var storeIds = stores.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var storesFailed = errors.Count > 0;
        var orderErrors = new List<InputError>();
        var orders = Collect(orderErrors, () => OrdersCsv.Read(ordersPath, storeIds)) ?? [];
        errors.AddRange(orderErrors.Where(e => !(storesFailed && e.Field == OrdersCsv.StoreId)));
        var fleet = Collect(errors, () => FleetCsv.Read(fleetPath));
        ITravelTimes? travel = matrixPath is null ? new GreatCircleTravelTimes() : Collect(errors, () => MatrixTravelTimes.Read(matrixPath));
        if (errors.Count > 0 || fleet is null || travel is null) throw new InputValidationException(errors);
        return new DispatchProblem(fleet.Depots, stores, orders, fleet.VehicleTypes, travel, new DispatchOptions(date) { SoftWindows = softWindows });
    }

    /// <summary>Maps the day, solves it with the engine <paramref name="options"/> names and builds the plan, which records that engine and its notes.</summary>
    /// <exception cref="EngineRefusedException">The engine cannot honour the day or the options.</exception>
    public static (Plan Plan, SolverResult Result) Solve(DispatchProblem problem, SolverOptions options,
        IProgress<SolverProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var mapped = ProblemMapper.Map(problem);
        var result = RoutingEngines.Solve(mapped.Data, options, progress, cancellationToken);
        return (PlanBuilder.Build(mapped, result.Solution) with { Engine = result.Engine, Notes = result.Notes }, result);
    }

    private static T? Collect<T>(List<InputError> errors, Func<T> read) where T : class
    {
        try { return read(); }
        catch (InputValidationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }
}
