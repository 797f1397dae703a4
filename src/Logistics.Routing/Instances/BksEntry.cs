namespace Logistics.Routing.Instances;

/// <summary>One row of a best-known-solution table.</summary>
/// <param name="Vehicles">Routes in the BKS solution.</param>
/// <param name="Distance">Its total distance, in the convention named by <paramref name="Source"/>.</param>
/// <param name="Source">Where the value comes from and which cost convention it uses.</param>
public sealed record BksEntry(string Instance, int Vehicles, double Distance, string Source)
{
    /// <summary>Rows flagged SUSPECT (a value that cannot be right) are kept for the record but must
    /// not be compared with.</summary>
    public bool IsSuspect => Source.Contains("SUSPECT", StringComparison.Ordinal);
}
