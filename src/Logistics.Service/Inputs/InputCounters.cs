using System.Collections.Concurrent;
using Logistics.Routing.Planning;
using Logistics.Service.Inputs.Contracts;
using Logistics.Core.Csv;

namespace Logistics.Service.Inputs;

/// <summary>Accepted and refused imports since the service started, for GET /api/inputs/stats: a rising
/// refusal count tells whoever runs the order export that its files have gone wrong. Thread-safe.</summary>
public sealed class InputCounters(TimeProvider clock)
{
    public const string Stores = "stores", Fleet = "fleet", Orders = "orders", DemoDay = "demoDay", History = "history";
    private static readonly string[] Lists = [Stores, Fleet, Orders, DemoDay, History];

    private readonly ConcurrentDictionary<string, long> _imported = new(Lists.Select(l => KeyValuePair.Create(l, 0L)));
    private readonly ConcurrentDictionary<string, long> _refused = new(Lists.Select(l => KeyValuePair.Create(l, 0L)));
    private volatile RefusalJson? _lastRefusal;

    public void Imported(string list) => _imported.AddOrUpdate(list, 1, (_, n) => n + 1);

    public void Refused(string list, InputError first)
    {
        _refused.AddOrUpdate(list, 1, (_, n) => n + 1);
        _lastRefusal = new RefusalJson(clock.GetUtcNow(), list, first.Field, first.Value, first.Problem);
    }

    public InputStats Snapshot() => new(
        Lists.ToDictionary(l => l, l => _imported[l]), Lists.ToDictionary(l => l, l => _refused[l]), _lastRefusal);
}
