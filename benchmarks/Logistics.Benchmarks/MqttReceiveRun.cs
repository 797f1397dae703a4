using System.Diagnostics;
using System.Text;
using Logistics.Mqtt;

namespace Logistics.Benchmarks;

/// <summary>Messages/s received at QoS 1 with manual acknowledgement by Logistics.Mqtt, by MQTTnet 5.2 (the
/// client .NET devices will mostly use; MQTT 3.1.1, manual acknowledgement, its default options) and by
/// mosquitto_sub (the C reference client) on the same queued stream, in the same run, with the allocation of
/// each .NET client while draining; plus our publish rates at QoS 0 and 1.
///   scripts/infra.sh up --profile test &amp;&amp; set -a &amp;&amp; . .run/test/infra.env &amp;&amp; set +a
///   dotnet run -c Release --project benchmarks/Logistics.Benchmarks -- mqtt [messages=100000] [rounds=3]
/// Both subscribers get a persistent session first; then the stream is published once, so each
/// finds the same N messages queued on the broker and drains them as fast as it can (the broker's
/// max_inflight_messages applies to both alike).</summary>
internal static class MqttReceiveRun
{
    private sealed record ProcessResult(int ExitCode, int Lines, string Error);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
        string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set; source .run/test/infra.env");
        var host = Env("LOGISTICS_MQTT_HOST");
        var port = int.Parse(Env("LOGISTICS_MQTT_PORT"));
        var listenerUser = Env("LOGISTICS_MQTT_LISTENER_USER");
        var listenerPassword = Env("LOGISTICS_MQTT_LISTENER_PASSWORD");
        const string truck = "T-050";
        var devicePassword = File.ReadAllLines(Env("LOGISTICS_DEVICES_FILE")).Skip(1).Select(l => l.Split(',')).Single(f => f[0] == truck)[1];
        var topic = $"fleet/{truck}/telemetry";
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var ct = limit.Token;

        MqttClientOptions Options(string id, string user, string password, bool clean) => new()
        {
            Host = host, Port = port, ClientId = id, Username = user, Password = password, CleanSession = clean,
            ReceiveQueueCapacity = 10_000, MaximumInflight = 1000,
        };

        async Task<ProcessResult> Sub(string id, bool clean, params string[] more)
        {
            var info = new ProcessStartInfo("mosquitto_sub") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])["-h", host, "-p", port.ToString(), "-u", listenerUser, "-P", listenerPassword, "-i", id, "-q", "1", "-t", topic, .. clean ? Array.Empty<string>() : ["-c"], .. more])
                info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var lines = 0;
            var stderr = p.StandardError.ReadToEndAsync(ct);
            while (await p.StandardOutput.ReadLineAsync(ct) is not null) lines++;
            await p.WaitForExitAsync(ct);
            return new ProcessResult(p.ExitCode, lines, await stderr);
        }

        MQTTnet.MqttClientOptions MqttNetOptions(string id, bool clean) => new MQTTnet.MqttClientOptionsBuilder()
            .WithTcpServer(host, port).WithClientId(id).WithCredentials(listenerUser, listenerPassword)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).WithCleanSession(clean).Build();

        async Task<MQTTnet.IMqttClient> MqttNetAsync(string id, bool clean)
        {
            var client = new MQTTnet.MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(MqttNetOptions(id, clean), ct);
            return client;
        }

        var payload = Encoding.UTF8.GetBytes("{\"truck\":\"T-050\",\"seq\":1842,\"ts\":\"2026-11-22T08:15:30Z\",\"readings\":[{\"sensor\":\"front\",\"temperature_c\":21.4,\"humidity_pct\":58.2},{\"sensor\":\"rear\",\"temperature_c\":22.0,\"humidity_pct\":60.1}],\"door_open\":false}");
        Console.WriteLine($"{count:N0} messages of {payload.Length} bytes on {topic}, {rounds} rounds; broker {host}:{port}");

        for (var round = 1; round <= rounds; round++)
        {
            var ourId = $"bench-ours-{round}-{Guid.NewGuid():N}"[..23];
            var refId = $"bench-ref-{round}-{Guid.NewGuid():N}"[..23];
            var netId = $"bench-mqttnet-{round}-{Guid.NewGuid():N}"[..23];
            using (var setup = await MqttNetAsync(netId, clean: false))
            {
                await setup.SubscribeAsync(new MQTTnet.MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(topic, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
                await setup.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions(), ct);
            }
            await using (var setup = new MqttClient(Options(ourId, listenerUser, listenerPassword, clean: false)))
            {
                await setup.ConnectAsync(ct);
                await setup.SubscribeAsync(topic, MqttQualityOfService.AtLeastOnce, ct);
                await setup.DisconnectAsync(ct);
            }
            var opened = await Sub(refId, clean: false, "-E");
            if (opened.ExitCode != 0) throw new Exception($"mosquitto_sub: {opened.Error}");

            await using (var device = new MqttClient(Options($"bench-pub-{Guid.NewGuid():N}"[..23], truck, devicePassword, clean: true)))
            {
                await device.ConnectAsync(ct);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                    await device.PublishAsync($"fleet/{truck}/status", payload, MqttQualityOfService.AtMostOnce, false, ct); // nobody subscribes
                var qos0 = count / clock.Elapsed.TotalSeconds;
                clock.Restart();
                var pending = new List<Task>(1000);
                for (var i = 0; i < count; i++)
                {
                    pending.Add(device.PublishAsync(topic, payload, MqttQualityOfService.AtLeastOnce, false, ct).AsTask());
                    if (pending.Count == 1000) { await Task.WhenAll(pending); pending.Clear(); }
                }
                await Task.WhenAll(pending);
                var qos1 = count / clock.Elapsed.TotalSeconds;
                Console.WriteLine($"round {round}: publish QoS 0 {qos0,10:N0} msg/s   publish QoS 1 {qos1,10:N0} msg/s");
                await device.DisconnectAsync(ct);
            }

            // Rotate who goes first, so none always meets a warmer broker.
            double ours = 0, reference = 0, mqttnet = 0;
            long oursBytes = 0, mqttnetBytes = 0;
            string[] order = ["ours", "ref", "mqttnet"];
            foreach (var who in order.Skip((round - 1) % 3).Concat(order.Take((round - 1) % 3)))
            {
                var clock = Stopwatch.StartNew();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                if (who == "mqttnet")
                {
                    var received = 0;
                    var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    using var client = new MQTTnet.MqttClientFactory().CreateMqttClient();
                    client.ApplicationMessageReceivedAsync += async e =>
                    {
                        e.AutoAcknowledge = false;
                        await e.AcknowledgeAsync(ct);
                        if (Interlocked.Increment(ref received) == count) drained.TrySetResult();
                    };
                    await client.ConnectAsync(MqttNetOptions(netId, clean: false), ct);
                    await drained.Task.WaitAsync(ct);
                    mqttnet = count / clock.Elapsed.TotalSeconds;
                    mqttnetBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                    await client.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions(), ct);
                    using var cleanup = await MqttNetAsync(netId, clean: true);
                    await cleanup.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions(), ct);
                }
                else if (who == "ref")
                {
                    var r = await Sub(refId, clean: false, "-C", count.ToString());
                    if (r.Lines != count) throw new Exception($"mosquitto_sub received {r.Lines} of {count}: {r.Error}");
                    reference = count / clock.Elapsed.TotalSeconds;
                    await Sub(refId, clean: true, "-E");
                }
                else
                {
                    await using var client = new MqttClient(Options(ourId, listenerUser, listenerPassword, clean: false));
                    await client.ConnectAsync(ct);
                    for (var i = 0; i < count; i++)
                    {
                        var message = await client.Messages.ReadAsync(ct);
                        await message.AcknowledgeAsync(ct);
                    }
                    ours = count / clock.Elapsed.TotalSeconds;
                    oursBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                    await client.DisconnectAsync(ct);
                    await using var cleanup = new MqttClient(Options(ourId, listenerUser, listenerPassword, clean: true));
                    await cleanup.ConnectAsync(ct);
                }
            }
            Console.WriteLine($"round {round}: receive QoS 1, manual ack: Logistics.Mqtt {ours,10:N0} msg/s   mosquitto_sub {reference,10:N0} msg/s   ratio {ours / reference:0.00}");
            Console.WriteLine($"round {round}: receive QoS 1, manual ack: MQTTnet 5.2     {mqttnet,10:N0} msg/s   of mosquitto_sub {mqttnet / reference:0.00}   of ours {mqttnet / ours:0.00}");
            Console.WriteLine($"round {round}: allocated while draining: Logistics.Mqtt {oursBytes / (double)count:N0} B/msg   MQTTnet {mqttnetBytes / (double)count:N0} B/msg   ratio {mqttnetBytes / (double)Math.Max(oursBytes, 1):0.0}");
        }
        return 0;
    }
}
