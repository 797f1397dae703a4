namespace Logistics.Testing;

/// <summary>The test profile's Mosquitto and InfluxDB, as test.sh exports them from
/// .run/test/infra.env (written by scripts/infra.sh up --profile test).</summary>
public static class TestServers
{
    public static string MqttHost => Get("LOGISTICS_MQTT_HOST");
    public static int MqttPort => int.Parse(Get("LOGISTICS_MQTT_PORT"));
    public static string ListenerUser => Get("LOGISTICS_MQTT_LISTENER_USER");
    public static string ListenerPassword => Get("LOGISTICS_MQTT_LISTENER_PASSWORD");
    public static Uri InfluxUrl => new(Get("LOGISTICS_INFLUX_URL"));
    public static string InfluxUser => Get("LOGISTICS_INFLUX_USER");
    public static string InfluxPassword => Get("LOGISTICS_INFLUX_PASSWORD");
    public static string InfluxDatabase => Get("LOGISTICS_INFLUX_DATABASE");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> DevicePasswords = new(() =>
        File.ReadAllLines(Get("LOGISTICS_DEVICES_FILE")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => f[1]));

    /// <summary>The MQTT password of a truck's device account (T-001 … T-050 by default).</summary>
    public static string DevicePassword(string truckId) =>
        DevicePasswords.Value.TryGetValue(truckId, out var p) ? p : throw new ArgumentException($"no device account for truck '{truckId}'");

    private static string Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: these tests need the test servers. Run them through ./test.sh, or run " +
                "'scripts/infra.sh up --profile test' and 'set -a; . .run/test/infra.env; set +a' first.");
}
