namespace Logistics.Data.Security;

/// <summary>Who may do what: dispatchers plan, QA reviews telemetry and alerts, admins do both and manage keys.</summary>
public static class Role
{
    public const string Dispatcher = "dispatcher", Qa = "qa", Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Dispatcher, Qa, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
