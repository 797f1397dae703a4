using Logistics.Mqtt.Tests.Client;
using static Logistics.Mqtt.Tests.Broker.BrokerFixture;

namespace Logistics.Mqtt.Tests.Broker;

/// <summary>The fleet simulator holds one connected client per truck, up to 10,000 in one process,
/// so what an idle connection costs is multiplied by the fleet. Measured process-wide, so this runs
/// alone (in the allocation tests' collection).</summary>
[Collection(nameof(AllocationTests))]
public class ConnectionFootprintTests
{
    private const int Clients = 200;

    /// <summary>8 to 12 KB is measured (socket, tasks, CONNECT, receive buffer, state); the bound
    /// leaves room for runtime differences but fails long before a per-packet-id table
    /// (0.5 MB) or a 64 KB receive buffer per connection would come back.</summary>
    private const long BoundPerConnection = 32 * 1024;

    [Fact]
    public async Task A_connected_idle_client_allocates_a_few_kilobytes()
    {
        // Warm-up: JIT, the socket engine, the pools.
        await using (var warm = await ConnectedAsync(Listener(NewClientId("mem"))))
            await warm.DisconnectAsync(Limit);

        var clients = new MqttClient[Clients];
        try
        {
            var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Clients; i++)
            {
                clients[i] = new MqttClient(Listener(NewClientId("mem")));
                await clients[i].ConnectAsync(Limit);
            }
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / Clients;
            var retained = (GC.GetTotalMemory(forceFullCollection: true) - retainedBefore) / Clients;

            Assert.All(clients, c => Assert.True(c.IsConnected));
            Assert.True(allocated < BoundPerConnection,
                $"{allocated:N0} bytes allocated per connected client ({retained:N0} retained), bound {BoundPerConnection:N0}");
        }
        finally
        {
            foreach (var c in clients)
                if (c is not null) await c.DisposeAsync();
        }
    }
}
