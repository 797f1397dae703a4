using Logistics.Routing.Model;

namespace Logistics.Routing.Instances;

/// <summary>A public benchmark instance: the raw rows as the file gives them (what
/// <see cref="BenchmarkSolutionChecker"/> checks against) and the <see cref="ProblemData"/> built from
/// them for the solver under one <see cref="DistanceConvention"/>.</summary>
public sealed class BenchmarkInstance
{
    /// <summary>Solver units per distance unit under <see cref="DistanceConvention.Real"/>: 10,000 keeps
    /// the rounding of a 1,000-customer tour far below the 0.01% that separates a match from a miss,
    /// and every value of the Homberger sets well inside a long.</summary>
    public const long RealScale = 10_000;

    private readonly Dictionary<int, int> _clientIndexByNumber;

    internal BenchmarkInstance(string name, string sourceFile, InstanceFormat format, BenchmarkNode depot,
        IReadOnlyList<BenchmarkNode> customers, long capacity, int? fleetBound, bool hasTimeWindows, DistanceConvention convention)
    {
        Name = name;
        SourceFile = sourceFile;
        Format = format;
        Depot = depot;
        Customers = customers;
        Capacity = capacity;
        FleetBound = fleetBound;
        HasTimeWindows = hasTimeWindows;
        Convention = convention;
        Scale = ScaleOf(convention);
        CustomerNumbers = customers.Select(c => c.Number).ToArray();
        _clientIndexByNumber = customers.Select((c, i) => (c.Number, i)).ToDictionary(p => p.Number, p => p.i);
        Problem = BenchmarkProblemBuilder.Build(this);
    }

    public string Name { get; }

    /// <summary>The path the instance was read from, for messages.</summary>
    public string SourceFile { get; }

    public InstanceFormat Format { get; }
    public BenchmarkNode Depot { get; }

    /// <summary>The customers in file order; position i is client index i of <see cref="Problem"/>.</summary>
    public IReadOnlyList<BenchmarkNode> Customers { get; }

    /// <summary>Capacity of every vehicle (the sets are homogeneous).</summary>
    public long Capacity { get; }

    /// <summary>Most routes allowed (Solomon <c>NUMBER</c>); null when the fleet is unlimited (CVRPLIB).</summary>
    public int? FleetBound { get; }

    public bool HasTimeWindows { get; }
    public DistanceConvention Convention { get; }

    /// <summary>Solver units (distance and time) per unit of reported distance: 10 (DIMACS tenths),
    /// <see cref="RealScale"/> or 1 (TSPLIB).</summary>
    public long Scale { get; }

    /// <summary>The problem handed to the solver, in integer solver units.</summary>
    public ProblemData Problem { get; }

    /// <summary>The customer number as written in the instance file (Solomon <c>CUST NO.</c>, TSPLIB
    /// node id) of each client index.</summary>
    public IReadOnlyList<int> CustomerNumbers { get; }

    /// <summary>What a CVRPLIB <c>.sol</c> file writes for a customer is its node id − 1 (the depot,
    /// node 1, would be 0); Solomon-style solutions use the instance numbers unchanged.</summary>
    public int SolutionFileOffset => Format == InstanceFormat.Cvrplib ? 1 : 0;

    /// <summary>The client index of a customer number, or null when no customer has it.</summary>
    public int? ClientIndexOf(int customerNumber) =>
        _clientIndexByNumber.TryGetValue(customerNumber, out var index) ? index : null;

    /// <summary>A solver distance or cost (solver units) in the units the BKS tables use.</summary>
    public double ToReportedDistance(long solverUnits) => (double)solverUnits / Scale;

    /// <summary>The same raw data with the solver's problem rebuilt under another convention.</summary>
    public BenchmarkInstance WithConvention(DistanceConvention convention) => convention == Convention
        ? this
        : new BenchmarkInstance(Name, SourceFile, Format, Depot, Customers, Capacity, FleetBound, HasTimeWindows, convention);

    /// <summary>The convention under which the published distance-only BKS of a format are stated.</summary>
    public static DistanceConvention DefaultConvention(InstanceFormat format) =>
        format == InstanceFormat.Cvrplib ? DistanceConvention.Tsplib : DistanceConvention.Dimacs;

    /// <summary>Reads a .txt (Solomon/Homberger) or .vrp (CVRPLIB) file; without a convention, the
    /// format's <see cref="DefaultConvention"/>.</summary>
    public static BenchmarkInstance Load(string path, DistanceConvention? convention = null)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".txt" => SolomonReader.Read(path, convention ?? DefaultConvention(InstanceFormat.Solomon)),
            ".vrp" => CvrplibReader.Read(path, convention ?? DefaultConvention(InstanceFormat.Cvrplib)),
            _ => throw new InstanceFormatException(path, 0, "file name", extension,
                "unknown instance format: expected .txt (Solomon/Homberger) or .vrp (CVRPLIB)"),
        };
    }

    /// <summary>True when <see cref="Load"/> knows the file's format.</summary>
    public static bool IsInstanceFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".vrp";

    private static long ScaleOf(DistanceConvention convention) => convention switch
    {
        DistanceConvention.Dimacs => 10,
        DistanceConvention.Real => RealScale,
        DistanceConvention.Tsplib => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, null),
    };
}
