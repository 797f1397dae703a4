using System.Text;
using System.Text.Json;
using Logistics.Core;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener.Delivery;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Listener;

/// <summary>Runs one made-up faulty reading through a scratch parser and a scratch alert engine, and serialises its
/// alert as the cab would receive it, before the alert processor reads its first record. The first real alert after a
/// start otherwise paid for compiling that path (in a saturated run, 180 ms to evaluate the first fault and 320 ms from
/// receipt to the cab, against a median of 24 ms): after a restart with a backlog, the first alerts are the ones a
/// driver waits for. Nothing is stored, counted, logged or published, and the listener's own engine and parser are
/// not touched.</summary>
internal static class AlertPathWarmup
{
    private const string Truck = "warm-up";

    /// <summary>Runs the path on <paramref name="scratch"/> (an engine nobody else uses: it keeps the made-up truck) and
    /// returns the made-up alert's events (a sensor fault opened), for a test to see that the path ran.</summary>
    public static IReadOnlyList<AlertEvent> Run(AlertEngine scratch, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var payload = Encoding.UTF8.GetBytes(
            $$$"""{"truck":"{{{Truck}}}","seq":1,"ts":"{{{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}}","readings":[{"sensor":"front","temperature_c":-999,"humidity_pct":-999},{"sensor":"rear","temperature_c":18.5,"humidity_pct":60}],"door_open":false,"location":{"lat":22.8,"lon":108.3}}""");
        var record = new JournalRecord(1, now, FleetTopics.Telemetry(Truck), payload);
        var events = AlertProcessor.Evaluate(scratch, ParsedRecord.Parse(record, new TelemetryParser()));
        foreach (var e in events) JsonSerializer.SerializeToUtf8Bytes(CabMessage.From(e), CabMessage.Json);
        return events;
    }
}
