namespace Logistics.Routing.Instances;

/// <summary>How arc lengths of a benchmark instance are computed, which decides which BKS table a
/// cost can be compared with (see shared/benchmarks/vrp/README.md).</summary>
public enum DistanceConvention
{
    /// <summary>DIMACS challenge: each arc is floor(10·d)/10 and serves as both distance and travel
    /// time. The solver works in tenths. Compare with <c>bks_distance_only.csv</c>.</summary>
    Dimacs,

    /// <summary>Unrounded Euclidean distances. The solver works in units of 1/<see cref="BenchmarkInstance.RealScale"/>.
    /// Compare with <c>bks.csv</c> (Solomon/Homberger, hierarchical) or <c>bks_distance_only_realdist.csv</c>.</summary>
    Real,

    /// <summary>TSPLIB EUC_2D: each arc is nint(d) = floor(d + 0.5). Compare with CVRPLIB <c>bks.csv</c>.</summary>
    Tsplib,
}
