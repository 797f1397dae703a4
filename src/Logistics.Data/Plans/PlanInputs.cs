using System.Text.Json;
using System.Text.Json.Serialization;
using Logistics.Core;

namespace Logistics.Data.Plans;

/// <summary>The day's inputs as a plan was made from them, kept with the plan so that moves and
/// re-optimisation work on the same stores, orders and fleet even after the day's inputs change.
/// Rows only: the planner turns them back into a problem (Service/Planning/DayProblems).</summary>
/// <param name="MaxLatenessMinutes">With soft receiving windows: how late a stop may be served; null for hard windows.</param>
public sealed record PlanInputs(
    DateOnly Date,
    IReadOnlyList<Depot> Depots,
    IReadOnlyList<Store> Stores,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<VehicleType> Fleet,
    double? MaxLatenessMinutes,
    decimal? LatenessCostPerHour)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new TierJsonConverter() } };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static PlanInputs Deserialize(string json) =>
        JsonSerializer.Deserialize<PlanInputs>(json, Json) ?? throw new JsonException("a plan's inputs are empty");

    /// <summary>A tier is its level (1 … 5); the struct has no setter for the serializer to use.</summary>
    private sealed class TierJsonConverter : JsonConverter<Tier>
    {
        public override Tier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt32());

        public override void Write(Utf8JsonWriter writer, Tier value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Level);
    }
}
