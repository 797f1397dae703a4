using System.Globalization;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>The cargo door of one truck, judged on device time: open for the limit raises an alert, and the first
/// message that reports it closed clears it (a closed door is unambiguous, so there is no hold).</summary>
internal sealed class DoorTracker(string truck, TimeSpan limit)
{
    private DateTimeOffset? _openSince;

    public AlertHandle? Open { get; set; }

    /// <summary>Whether the last message reported the door open.</summary>
    public bool IsOpen => _openSince is not null;

    public void Observe(bool doorOpen, DateTimeOffset at, Evaluation e)
    {
        if (!doorOpen)
        {
            _openSince = null;
            if (Open is null || e.Silent) return;
            e.Emit(AlertEventType.Cleared, Open, null, "door closed");
            Open = null;
            return;
        }
        _openSince ??= at;
        if (Open is null && !e.Silent && at - _openSince.Value >= limit)
            Open = e.Open(truck, null, AlertKind.DoorOpen, AlertSeverity.Warning, null, null, _openSince.Value, null,
                string.Create(CultureInfo.InvariantCulture, $"door open for {(at - _openSince.Value).TotalMinutes:0.#} min"));
    }
}
