namespace Logistics.Service.Inputs.Contracts;

/// <summary>Imports since the service started, by list (stores, fleet, orders, demoDay, history).</summary>
/// <param name="LastRefusal">The first error of the latest refused import; null when none was refused.</param>
public sealed record InputStats(IReadOnlyDictionary<string, long> Imported, IReadOnlyDictionary<string, long> Refused, RefusalJson? LastRefusal);

/// <summary>One refused value: enough to find it in the file.</summary>
public sealed record RefusalJson(DateTimeOffset At, string List, string Field, string Value, string Problem);
