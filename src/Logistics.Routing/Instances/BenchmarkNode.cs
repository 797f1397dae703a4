namespace Logistics.Routing.Instances;

/// <summary>One row of a benchmark instance, exactly as the file gives it (file units, unscaled).</summary>
/// <param name="Number">Solomon <c>CUST NO.</c> or TSPLIB node id.</param>
/// <param name="ReadyTime">Earliest start of service; 0 when the format has no windows.</param>
/// <param name="DueDate">Latest start of service (for the depot: latest return);
/// <see cref="double.PositiveInfinity"/> when the format has no windows.</param>
public sealed record BenchmarkNode(int Number, double X, double Y, long Demand, double ReadyTime, double DueDate, double ServiceTime);
