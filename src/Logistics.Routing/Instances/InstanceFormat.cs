namespace Logistics.Routing.Instances;

/// <summary>The file format an instance was read from.</summary>
public enum InstanceFormat
{
    /// <summary>Solomon / Gehring &amp; Homberger VRPTW text (.txt).</summary>
    Solomon,

    /// <summary>TSPLIB / CVRPLIB CVRP (.vrp).</summary>
    Cvrplib,
}
