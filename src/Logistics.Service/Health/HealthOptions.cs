namespace Logistics.Service.Health;

/// <summary>Settings of GET /health (section "Health").</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Whether callers without an admin key also get each check's description (server addresses, the
    /// listener's MQTT account, error messages). Off: anonymous callers get healthy/degraded/unhealthy only.
    /// Turn it on only where /health is reachable from a trusted monitoring network alone.</summary>
    public bool DetailsForAnonymous { get; set; }
}
