namespace Logistics.Cli.Commands;

/// <summary>One line of the benchmark table and CSV.</summary>
/// <param name="Bks">Best-known distance under the run's convention; null when the table has none (or only a SUSPECT one).</param>
/// <param name="Found">The checker's distance; null when the instance could not be read or solved.</param>
/// <param name="GapPercent">(found − BKS)/BKS·100, only for a feasible solution with a BKS.</param>
/// <param name="Status">"yes", "NO" (the checker refused it) or "error".</param>
/// <param name="Engine">The engine that solved it.</param>
internal sealed record VrpBenchRow(string Instance, string Engine, double? Bks, double? Found, double? GapPercent, int? Vehicles, double? Seconds,
    string Status, string? Detail);
