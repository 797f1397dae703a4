using System.Globalization;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>One quantity of one sensor against its profile's bands: opens after the minimum duration outside,
/// escalates within the same alert, and clears after the hold time back inside by the hysteresis margin.</summary>
internal sealed class ExcursionTracker(string truck, string sensor, Quantity quantity, QuantityRules rules)
{
    // Each timer holds the device time since which its condition has held on every evaluated reading.
    private DateTimeOffset? _outsideSince;   // outside the alert band
    private DateTimeOffset? _criticalSince;  // outside the critical band
    private DateTimeOffset? _insideSince;    // inside the alert band by the hysteresis margin
    private double? _pendingPeak;            // farthest value since _outsideSince, before an alert opens

    public AlertHandle? Open { get; set; }

    /// <summary>Evaluates one reading; true when it cleared the open alert.</summary>
    public bool Observe(double value, DateTimeOffset at, Evaluation e)
    {
        if (rules.AlertBand is not { } band)
        {
            // Only a restored alert of a quantity the profile no longer watches can get here.
            if (Open is null || e.Silent) return false;
            Clear(e, value, $"the profile no longer watches {quantity.Name()}");
            return true;
        }

        var outside = !band.Contains(value);
        if (outside)
        {
            _outsideSince ??= at;
            if (_pendingPeak is null || band.DistanceOutside(value) > band.DistanceOutside(_pendingPeak.Value)) _pendingPeak = value;
        }
        else
        {
            _outsideSince = null;
            _pendingPeak = null;
        }
        _criticalSince = rules.Critical is { } critical && !critical.Contains(value) ? _criticalSince ?? at : null;
        _insideSince = band.ContainsWithMargin(value, rules.Hysteresis) ? _insideSince ?? at : null;
        if (outside) Open?.TakePeak(value);

        if (e.Silent) return false;
        if (Open is null)
        {
            if (_criticalSince is { } c && at - c >= rules.CriticalDelay)
                Open = e.Open(truck, sensor, quantity.ExcursionKind(), AlertSeverity.Critical, rules.Critical, _pendingPeak,
                    _outsideSince ?? c, value, Describe("critical", rules.Critical!.Value, at - c, value));
            else if (rules.Warning is { } warning && _outsideSince is { } o && at - o >= rules.WarningDelay)
                Open = e.Open(truck, sensor, quantity.ExcursionKind(), AlertSeverity.Warning, warning, _pendingPeak,
                    o, value, Describe("warning", warning, at - o, value));
            return false;
        }
        if (Open.Severity == AlertSeverity.Warning && _criticalSince is { } since && at - since >= rules.CriticalDelay)
        {
            Open.Severity = AlertSeverity.Critical;
            Open.Band = rules.Critical;
            Open.TakePeak(value);
            e.Emit(AlertEventType.Escalated, Open, value, Describe("critical", rules.Critical!.Value, at - since, value));
            return false;
        }
        if (_insideSince is { } inside && at - inside >= rules.ClearHold)
        {
            Clear(e, value, string.Create(CultureInfo.InvariantCulture,
                $"{quantity.Name()} back inside {band} {quantity.Unit()} by at least {rules.Hysteresis} for {Minutes(at - inside)} min"));
            return true;
        }
        return false;
    }

    private void Clear(Evaluation e, double value, string detail)
    {
        e.Emit(AlertEventType.Cleared, Open!, value, detail);
        Open = null;
    }

    private string Describe(string level, Band band, TimeSpan duration, double value) => string.Create(CultureInfo.InvariantCulture,
        $"{quantity.Name()} outside the {level} band {band} {quantity.Unit()} for {Minutes(duration)} min (now {value})");

    private static string Minutes(TimeSpan t) => t.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);
}
