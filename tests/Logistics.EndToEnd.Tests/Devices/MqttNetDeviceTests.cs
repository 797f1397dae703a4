using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Logistics.EndToEnd.Tests.Service;
using Logistics.EndToEnd.Tests.Telemetry;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Logistics.EndToEnd.Tests.Devices;

/// <summary>In-cab devices written with MQTTnet (the client .NET devices will mostly use), once with MQTT 3.1.1 and
/// once with 5.0, against the real broker and service: each publishes telemetry with its own account, receives its
/// alerts and its published plan, and gets nothing of another truck's (its publication there is not stored, its
/// subscription there is refused or stays empty). The service's listener keeps our own client.</summary>
// Their readings reach every test service's listener on the shared broker: not beside the reliability tests,
// which count what they receive. Trucks T-023 … T-026 are used by no other test.
[Collection(TelemetryReliabilityCollection.Name)]
public sealed class MqttNetDeviceTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private ServiceProcess? _service;
    private HttpClient? _api;

    private ServiceProcess Service => _service!;
    private HttpClient Api => _api!;

    public async Task InitializeAsync()
    {
        // Short alert delays (as the web tests use), so that a minute of hot readings opens a critical alert.
        _service = await ServiceProcess.StartAsync(ServiceProcess.TestServerConfiguration(new Dictionary<string, string>
        {
            ["Alerts__Profiles__tobacco__WarningDelay"] = "00:00:20",
            ["Alerts__Profiles__tobacco__CriticalDelay"] = "00:00:10",
            ["Alerts__Trend__Enabled"] = "false",
        }));
        _api = new HttpClient { BaseAddress = _service.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        _api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _service.AdminToken);
        await ServiceProbe.WaitUntilReadyAsync(_service, Limit);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_service is null) return;
        await _service.DisposeAsync();
        await ServiceProbe.CleanUpAsync(_service.Configuration);
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311, "T-023", "T-024")]
    [InlineData(MqttProtocolVersion.V500, "T-025", "T-026")]
    public async Task MqttNet_devices_publish_get_their_alerts_and_plan_and_nothing_of_another_truck(MqttProtocolVersion version, string truck, string other)
    {
        await using var device = await Device.ConnectAsync(version, truck);
        await using var neighbour = await Device.ConnectAsync(version, other);
        foreach (var d in new[] { device, neighbour })
        {
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await d.SubscribeAsync($"fleet/{d.Truck}/alerts"));
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await d.SubscribeAsync($"fleet/{d.Truck}/plan"));
        }

        // Another truck's alerts: Mosquitto 2.0 grants the subscription and checks read access per message, so
        // the neighbour's alerts below are never delivered to it (a broker that refuses the SUBACK is fine too).
        var snooping = await device.SubscribeAsync($"fleet/{other}/alerts");
        Assert.True(snooping is MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.UnspecifiedError
            or MqttClientSubscribeResultCode.NotAuthorized, $"subscription to fleet/{other}/alerts as {truck}: {snooping}");

        // Another truck's telemetry: 5.0 is told it is not authorised; 3.1.1 has no way to be told, and the broker
        // drops it. Either way nothing of it may be stored (checked below, once the device's own readings are).
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        var spoofed = await device.PublishAsync($"fleet/{other}/telemetry",
            Payloads.Message(other, 1, start, new Payloads.Reading("spoofed", 45, 50)));
        if (version == MqttProtocolVersion.V500) Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, spoofed);

        // Its own telemetry: two minutes of a reefer at 40 °C, every 10 s, well past the critical delay.
        foreach (var d in new[] { device, neighbour })
        {
            for (var i = 0; i <= 12; i++)
            {
                var result = await d.PublishAsync($"fleet/{d.Truck}/telemetry",
                    Payloads.Message(d.Truck, i + 1, start.AddSeconds(10 * i), new Payloads.Reading("front", 40, 55)));
                Assert.Equal(MqttClientPublishReasonCode.Success, result);
            }
        }

        foreach (var d in new[] { device, neighbour })
        {
            var alert = await d.ReceiveAsync($"fleet/{d.Truck}/alerts", Limit);
            Assert.Equal(d.Truck, JsonNode.Parse(alert)!["truck"]!.GetValue<string>());
        }

        await WaitAsync(async () => (await ServiceProbe.StatsAsync(Service)).Drained, "every received message stored");
        var history = await Ok($"/api/telemetry/trucks/{truck}/history?sensor=front&bucket=1m&from={Iso(start.AddMinutes(-1))}&to={Iso(start.AddMinutes(5))}");
        var means = history["series"]![0]!["points"]!.AsArray().Select(p => p!["temperatureMean"]).OfType<JsonNode>().Select(v => v.GetValue<double>()).ToList();
        Assert.NotEmpty(means);
        Assert.All(means, m => Assert.Equal(40, m));
        var spoof = await Ok($"/api/telemetry/trucks/{other}/history?sensor=spoofed&from={Iso(start.AddMinutes(-1))}&to={Iso(start.AddMinutes(5))}");
        Assert.All(spoof["series"]!.AsArray(), s => Assert.All(s!["points"]!.AsArray(), p => Assert.Null(p!["temperatureMean"])));

        // The published plan: retained on the truck's own plan topic.
        var date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        await Ok("/api/demo-day", new { date, stores = 20, seed = 5, trucks = 1 });
        var planId = (await Ok("/api/plans", new { date, timeLimitSeconds = 2 }))["id"]!.GetValue<string>();
        JsonNode job;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((job = await Ok($"/api/plans/{planId}"))["status"]!.GetValue<string>() is "queued" or "running" && clock.Elapsed < Limit)
            await Task.Delay(500);
        Assert.Equal("succeeded", job["status"]!.GetValue<string>());
        var routeId = (await Ok($"/api/plans/{planId}/result"))["routes"]![0]!["routeId"]!.GetValue<string>();
        await Ok($"/api/plans/{planId}/publish", new { trucks = new Dictionary<string, string> { [routeId] = truck } });
        var plan = JsonNode.Parse(await device.ReceiveAsync($"fleet/{truck}/plan", Limit))!;
        Assert.Contains(planId, plan.ToJsonString());
        Assert.Contains(routeId, plan.ToJsonString());

        // Nothing of the neighbour's reached the device, on any topic, though the neighbour got its own alert while the
        // device was subscribed to the neighbour's alerts topic.
        Assert.DoesNotContain(device.Received, m => m.Topic.Contains(other, StringComparison.Ordinal));
        Assert.DoesNotContain(neighbour.Received, m => m.Topic.Contains(truck, StringComparison.Ordinal));
    }

    private async Task<JsonNode> Ok(string path, object? body = null)
    {
        using var response = body is null ? await Api.GetAsync(path) : await Api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {path}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what) =>
        Assert.True(await Wait.UntilAsync(condition, Limit), $"not within {Limit.TotalSeconds} s: {what}");

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));

    /// <summary>One device: an MQTTnet client with the truck's own account, collecting what it receives.</summary>
    private sealed class Device : IAsyncDisposable
    {
        private readonly IMqttClient _client;
        private readonly Channel<(string Topic, string Payload)> _inbox = Channel.CreateUnbounded<(string, string)>();
        private readonly List<(string Topic, string Payload)> _received = [];

        private Device(string truck, IMqttClient client)
        {
            Truck = truck;
            _client = client;
            _client.ApplicationMessageReceivedAsync += e =>
            {
                var message = (e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString());
                lock (_received) _received.Add(message);
                _inbox.Writer.TryWrite(message);
                return Task.CompletedTask;
            };
        }

        public string Truck { get; }

        public IReadOnlyList<(string Topic, string Payload)> Received
        {
            get { lock (_received) return [.. _received]; }
        }

        public static async Task<Device> ConnectAsync(MqttProtocolVersion version, string truck)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer(TestServers.MqttHost, TestServers.MqttPort)
                .WithProtocolVersion(version)
                .WithClientId($"{truck}-mqttnet-{Guid.NewGuid():N}"[..23])
                .WithCredentials(truck, TestServers.DevicePassword(truck))
                .WithCleanSession(true)
                .WithTimeout(TimeSpan.FromSeconds(20))
                .Build();
            var connected = await client.ConnectAsync(options);
            Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
            return new Device(truck, client);
        }

        public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string topic)
        {
            var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
            return Assert.Single(result.Items).ResultCode;
        }

        public async Task<MqttClientPublishReasonCode> PublishAsync(string topic, byte[] payload) =>
            (await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build())).ReasonCode;

        /// <summary>The next message on <paramref name="topic"/> (others received meanwhile are kept in <see cref="Received"/>).</summary>
        public async Task<string> ReceiveAsync(string topic, TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            try
            {
                while (true)
                {
                    var (t, payload) = await _inbox.Reader.ReadAsync(timeout.Token);
                    if (t == topic) return payload;
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Truck} received nothing on {topic} within {limit.TotalSeconds} s; it received: " +
                    string.Join(", ", Received.Select(m => m.Topic)));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected) await _client.DisconnectAsync();
            _client.Dispose();
        }
    }
}
