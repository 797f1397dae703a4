using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Listener.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logistics.Telemetry.Tests.Listener;

public class AlertDeliveryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 8, 15, 30, TimeSpan.Zero);

    private static AlertEvent Opened(string truck) =>
        new(AlertEventType.Opened, Guid.NewGuid(), truck, "front", AlertKind.SensorFault, AlertSeverity.Warning,
            null, null, At, At, null, -999, "sensor fault");

    /// <summary>Takes what it is given; optionally never finishes (a store or InfluxDB that hangs).</summary>
    private sealed class Sink(bool hang = false) : IAlertSink, IAlertPublisher
    {
        private readonly List<AlertEvent> _events = [];
        public readonly TaskCompletionSource FirstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _never = new();

        public IReadOnlyList<AlertEvent> Events { get { lock (_events) return _events.ToList(); } }

        public async Task DeliverAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken)
        {
            lock (_events) _events.AddRange(alerts.Select(a => a.Event));
            FirstBatch.TrySetResult();
            if (hang) await _never.Task.WaitAsync(cancellationToken);
        }

        /// <summary>As a cab: sent at once; acknowledged never when it hangs (a broker that queues the PUBACKs).</summary>
        public Task<Task> PublishAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken)
        {
            lock (_events) _events.AddRange(alerts.Select(a => a.Event));
            FirstBatch.TrySetResult();
            return Task.FromResult(hang ? _never.Task.WaitAsync(cancellationToken) : Task.CompletedTask);
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Alerts_reach_the_cab_while_the_store_hangs_and_the_checkpoint_waits_for_the_store()
    {
        var cab = new Sink();
        var store = new Sink(hang: true);
        var delivery = new AlertDelivery(cab, [store], new TelemetryCounters(), NullLogger<AlertDelivery>.Instance);
        using var stop = new CancellationTokenSource();
        var running = delivery.RunAsync(stop.Token);

        delivery.Enqueue([Opened("T-001")], sequence: 10, At);
        await store.FirstBatch.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // The store holds the first batch and never lets go; later alerts still reach their cabs.
        delivery.Enqueue([Opened("T-002")], sequence: 11, At);
        delivery.Enqueue([Opened("T-003")], sequence: 12, At);
        await Eventually(() => cab.Events.Count == 3);
        Assert.Equal(new[] { "T-001", "T-002", "T-003" }, cab.Events.Select(e => e.Truck));

        // Nothing is stored yet, so a restart must evaluate these records again: the checkpoint stays before them.
        Assert.Equal(-1, delivery.SafeCheckpoint(lastRead: 12));
        stop.Cancel();
        delivery.Complete();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_checkpoint_moves_past_records_once_every_sink_has_their_events()
    {
        var cab = new Sink();
        var store = new Sink();
        var influx = new Sink();
        var delivery = new AlertDelivery(cab, [store, influx], new TelemetryCounters(), NullLogger<AlertDelivery>.Instance);
        var running = delivery.RunAsync(CancellationToken.None);
        delivery.Enqueue([Opened("T-001"), Opened("T-001")], sequence: 7, At);
        delivery.Enqueue([], sequence: 8, At);
        await Eventually(() => influx.Events.Count == 2);
        await Eventually(() => delivery.SafeCheckpoint(lastRead: 9) == 9);
        Assert.Equal(2, store.Events.Count);
        delivery.Complete();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Alerts_reach_the_cab_while_the_broker_holds_back_the_acknowledgements_and_are_stored_only_after_them()
    {
        var cab = new Sink(hang: true);
        var store = new Sink();
        var delivery = new AlertDelivery(cab, [store], new TelemetryCounters(), NullLogger<AlertDelivery>.Instance);
        using var stop = new CancellationTokenSource();
        var running = delivery.RunAsync(stop.Token);
        delivery.Enqueue([Opened("T-001")], sequence: 1, At);
        await cab.FirstBatch.Task.WaitAsync(TimeSpan.FromSeconds(20));
        delivery.Enqueue([Opened("T-002")], sequence: 2, At);
        await Eventually(() => cab.Events.Count == 2);
        await Task.Delay(200);
        Assert.Empty(store.Events);
        Assert.Equal(-1, delivery.SafeCheckpoint(lastRead: 2));
        stop.Cancel();
        delivery.Complete();
        await running.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
