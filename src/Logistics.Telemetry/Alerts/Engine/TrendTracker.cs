using System.Globalization;
using Logistics.Telemetry.Alerts.Configuration;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>The predictive warning of one quantity of one sensor: a least-squares line through the recent readings
/// that leaves the alert band within the horizon. One alert per episode: it stays open while the prediction holds,
/// clears when the real excursion alert opens or after the hold time without a prediction. The line comes from running
/// sums kept as readings enter and leave the window, so each reading costs the same however fast a truck reports.</summary>
internal sealed class TrendTracker(string truck, string sensor, Quantity quantity, QuantityRules rules, TrendOptions options)
{
    private readonly Queue<(DateTimeOffset At, double Value)> _samples = new();
    private DateTimeOffset? _unpredictedSince;
    private DateTimeOffset _origin;
    private double _sx, _sy, _sxx, _sxy, _syy;

    public AlertHandle? Open { get; set; }

    public void Observe(double value, DateTimeOffset at, Evaluation e, ExcursionTracker excursion, bool excursionCleared, bool doorOpen)
    {
        // The readings of a finished excursion say nothing about the next one, nor do those taken while the door lets
        // outside air in (every delivery stop would predict a crossing): a new prediction needs fresh, closed-door readings.
        if (excursionCleared || doorOpen) _samples.Clear();
        if (doorOpen) return;
        if (_samples.Count == 0 || at - _origin > 4 * options.Window) Rebase(_samples.Count == 0 ? at : _samples.Peek().At);
        _samples.Enqueue((at, value));
        Sum((at - _origin).TotalMinutes, value, +1);
        while (_samples.Peek().At < at - options.Window)
        {
            var old = _samples.Dequeue();
            Sum((old.At - _origin).TotalMinutes, old.Value, -1);
        }

        if (excursion.Open is not null)
        {
            _unpredictedSince = null;
            if (Open is not null && !e.Silent)
            {
                e.Emit(AlertEventType.Cleared, Open, value, $"the {quantity.Name()} excursion alert opened");
                Open = null;
            }
            return;
        }

        if (rules.AlertBand is { } crossed && !crossed.Contains(value))
        {
            // Outside already: the prediction came true; the excursion's own delay decides what follows.
            _unpredictedSince = null;
            return;
        }
        var prediction = rules.AlertBand is { } band ? Predict(band, value, at) : null;
        if (prediction is { } p)
        {
            _unpredictedSince = null;
            if (Open is null && !e.Silent)
            {
                Open = e.Open(truck, sensor, quantity.TrendKind(), AlertSeverity.Warning, rules.AlertBand, null, at, value,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{quantity.Name()} trend {p.SlopePerMinute:+0.###;-0.###} {quantity.Unit()}/min will leave {rules.AlertBand} {quantity.Unit()} " +
                        $"in about {p.Minutes:0} min ({p.Crossing.UtcDateTime:HH:mm} UTC)"));
            }
            return;
        }
        _unpredictedSince ??= at;
        if (Open is not null && !e.Silent && at - _unpredictedSince.Value >= rules.ClearHold)
        {
            e.Emit(AlertEventType.Cleared, Open, value, $"the {quantity.Name()} trend no longer predicts a crossing");
            Open = null;
        }
    }

    private void Sum(double x, double y, int sign)
    {
        _sx += sign * x;
        _sy += sign * y;
        _sxx += sign * x * x;
        _sxy += sign * x * y;
        _syy += sign * y * y;
    }

    /// <summary>Moves the origin of x to <paramref name="origin"/> and sums the window afresh, so the
    /// sums stay small (and exact enough) however long the truck runs.</summary>
    private void Rebase(DateTimeOffset origin)
    {
        _origin = origin;
        _sx = _sy = _sxx = _sxy = _syy = 0;
        foreach (var (at, value) in _samples) Sum((at - _origin).TotalMinutes, value, +1);
    }

    private (double SlopePerMinute, double Minutes, DateTimeOffset Crossing)? Predict(Band band, double value, DateTimeOffset at)
    {
        if (_samples.Count < options.MinimumSamples) return null;
        if (at - _samples.Peek().At < options.MinimumSpan) return null;

        // Least squares from the running sums, x in minutes since the origin.
        double n = _samples.Count;
        var sxx = _sxx - _sx * _sx / n;
        var syy = _syy - _sy * _sy / n;
        var sxy = _sxy - _sx * _sy / n;
        if (!(sxx > 0)) return null;
        var slope = sxy / sxx;
        if (!double.IsFinite(slope) || slope == 0) return null;
        if ((slope > 0 ? band.Max : band.Min) is not { } edge) return null;
        // The fitted value now, at the newest reading.
        var intercept = _sy / n + slope * ((at - _origin).TotalMinutes - _sx / n);

        // Heading toward the middle of the band is a recovery (the reefer pulling back after a door closed), not a
        // threat, however far a straight line would carry it.
        if (band is { Min: { } low, Max: { } high } && (slope > 0 ? intercept < (low + high) / 2 : intercept > (low + high) / 2)) return null;

        var minutes = Math.Max(0, (edge - intercept) / slope);
        if (minutes > options.Horizon.TotalMinutes) return null;
        var rSquared = syy > 0 ? sxy * sxy / (sxx * syy) : 1;
        if (!(rSquared >= options.MinimumRSquared)) return null;
        return (slope, minutes, at + TimeSpan.FromMinutes(Math.Round(minutes)));   // "about": to the minute
    }
}
