using System.Globalization;
using Logistics.Telemetry.Alerts.Configuration;
using MathNet.Numerics;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>The predictive warning of one quantity of one sensor: a least-squares line through the recent readings
/// that leaves the alert band within the horizon. One alert per episode: it stays open while the prediction holds,
/// clears when the real excursion alert opens or after the hold time without a prediction.</summary>
internal sealed class TrendTracker(string truck, string sensor, Quantity quantity, QuantityRules rules, TrendOptions options)
{
    private readonly Queue<(DateTimeOffset At, double Value)> _samples = new();
    private DateTimeOffset? _unpredictedSince;

    public AlertHandle? Open { get; set; }

    public void Observe(double value, DateTimeOffset at, Evaluation e, ExcursionTracker excursion, bool excursionCleared)
    {
        // The readings of a finished excursion say nothing about the next one: a new prediction needs fresh readings.
        if (excursionCleared) _samples.Clear();
        _samples.Enqueue((at, value));
        while (_samples.Peek().At < at - options.Window) _samples.Dequeue();

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

    private (double SlopePerMinute, double Minutes, DateTimeOffset Crossing)? Predict(Band band, double value, DateTimeOffset at)
    {
        if (_samples.Count < options.MinimumSamples) return null;
        if (at - _samples.Peek().At < options.MinimumSpan) return null;

        // x in minutes relative to the newest reading, so the intercept is the fitted value now.
        var xs = _samples.Select(s => (s.At - at).TotalMinutes).ToArray();
        var ys = _samples.Select(s => s.Value).ToArray();
        var (intercept, slope) = Fit.Line(xs, ys);
        if (!double.IsFinite(slope) || slope == 0) return null;
        if ((slope > 0 ? band.Max : band.Min) is not { } edge) return null;

        var minutes = Math.Max(0, (edge - intercept) / slope);
        if (minutes > options.Horizon.TotalMinutes) return null;
        var rSquared = GoodnessOfFit.RSquared(xs.Select(x => intercept + slope * x), ys);
        if (!(rSquared >= options.MinimumRSquared)) return null;
        return (slope, minutes, at + TimeSpan.FromMinutes(Math.Round(minutes)));   // "about": to the minute
    }
}
