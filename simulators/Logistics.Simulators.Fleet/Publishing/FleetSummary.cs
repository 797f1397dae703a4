using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logistics.Simulators.Fleet.Publishing;

/// <summary>The final count of a run, per truck and in total, for people (a table) and for tests
/// (JSON, <c>--summary</c>) that compare it with what the service stored.</summary>
public sealed record FleetSummary(
    DateTimeOffset SimulatedStart,
    DateTimeOffset SimulatedEnd,
    double WallSeconds,
    FleetSummary.Row Totals,
    IReadOnlyList<FleetSummary.Row> Trucks)
{
    public sealed record Row(string Truck, long Messages, long Readings, long Malformed, long Unacknowledged);

    /// <summary>Tables longer than this are cut short on the console; the JSON always has every truck.</summary>
    public const int MaximumTableRows = 200;

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Acknowledged messages per wall-clock second.</summary>
    public double MessagesPerSecond => WallSeconds > 0 ? Totals.Messages / WallSeconds : 0;

    public static FleetSummary From(IEnumerable<TruckCounts> counts, DateTimeOffset simulatedStart, DateTimeOffset simulatedEnd, TimeSpan wall)
    {
        var rows = counts.Select(c => new Row(c.Truck, c.Messages, c.Readings, c.Malformed, c.Unacknowledged)).ToList();
        var totals = new Row("total", rows.Sum(r => r.Messages), rows.Sum(r => r.Readings), rows.Sum(r => r.Malformed), rows.Sum(r => r.Unacknowledged));
        return new FleetSummary(simulatedStart, simulatedEnd, Math.Round(wall.TotalSeconds, 3), totals, rows);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static FleetSummary FromJson(string json) =>
        JsonSerializer.Deserialize<FleetSummary>(json, JsonOptions) ?? throw new FormatException("the summary is empty");

    public string ToTable()
    {
        var text = new StringBuilder();
        void Line(string truck, string messages, string readings, string malformed, string unacked) =>
            text.Append(CultureInfo.InvariantCulture, $"{truck,-8} {messages,10} {readings,10} {malformed,10} {unacked,15}\n");
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        Line("truck", "messages", "readings", "malformed", "unacknowledged");
        foreach (var r in Trucks.Take(MaximumTableRows)) Line(r.Truck, N(r.Messages), N(r.Readings), N(r.Malformed), N(r.Unacknowledged));
        if (Trucks.Count > MaximumTableRows) text.Append(CultureInfo.InvariantCulture, $"… {Trucks.Count - MaximumTableRows:N0} more trucks (see --summary)\n");
        Line("total", N(Totals.Messages), N(Totals.Readings), N(Totals.Malformed), N(Totals.Unacknowledged));
        text.Append(CultureInfo.InvariantCulture,
            $"simulated {SimulatedStart.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z to {SimulatedEnd.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z in {WallSeconds:0.0} s wall time: {MessagesPerSecond:N0} acknowledged messages/s\n");
        return text.ToString();
    }
}
