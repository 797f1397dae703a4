namespace Logistics.Routing.Instances;

/// <summary>What <see cref="BenchmarkSolutionChecker"/> found.</summary>
/// <param name="Distance">Total distance under the convention: DIMACS rounded to the tenth it is exact
/// in, TSPLIB an integer, real distances unrounded.</param>
/// <param name="Vehicles">Routes that visit at least one customer.</param>
public sealed record CheckReport(DistanceConvention Convention, double Distance, int Vehicles, IReadOnlyList<Violation> Violations)
{
    public bool IsFeasible => Violations.Count == 0;
}
