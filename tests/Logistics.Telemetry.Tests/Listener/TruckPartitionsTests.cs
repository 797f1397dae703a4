using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Listener.Partitions;

namespace Logistics.Telemetry.Tests.Listener;

public sealed class TruckPartitionsTests
{
    [Fact]
    public void A_trucks_partition_is_fixed_by_its_id_so_every_instance_and_release_agrees()
    {
        // FNV-1a of the id's UTF-8 bytes, worked out apart (Python) for these ids.
        Assert.Equal([1, 0, 3, 2, 1, 0, 3, 2, 1, 3], Enumerable.Range(1, 10).Select(n => TruckPartitions.Of($"T-{n:000}", 4)));
        Assert.Equal(4, TruckPartitions.Of("T-001", 7));
        Assert.Equal(3, TruckPartitions.Of("卡车-1", 4));
        Assert.Equal(0, TruckPartitions.Of("T-001", 1));
        Assert.Equal(TruckPartitions.Of(new string('x', 300), 5), TruckPartitions.Of(new string('x', 300), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => TruckPartitions.Of("T-001", 0));
    }

    [Fact]
    public void Fifty_trucks_spread_over_four_partitions_about_evenly()
    {
        var sizes = Enumerable.Range(1, 50).GroupBy(n => TruckPartitions.Of($"T-{n:000}", 4)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([(0, 12), (1, 13), (2, 12), (3, 13)], sizes.OrderBy(s => s.Key).Select(s => (s.Key, s.Value)));
    }

    [Fact]
    public void More_than_one_partition_needs_the_fleet_file_and_client_ids_that_fit_MQTT()
    {
        var fleet = Path.GetTempFileName();
        try
        {
            Assert.Contains(new ListenerOptions { Partitions = 4 }.Validate(), e => e.Contains("Listener:FleetFile must list the trucks"));
            Assert.Contains(new ListenerOptions { Partitions = 0 }.Validate(), e => e.Contains("Listener:Partitions must be 1 to 99, got 0"));
            Assert.Contains(new ListenerOptions { Partitions = 12, FleetFile = fleet, ClientId = "logistics-listener-x" }.Validate(),
                e => e.Contains("'logistics-listener-x-p11' must be at most 23 characters"));
            var options = new ListenerOptions { Partitions = 4, FleetFile = fleet, DataDirectory = "/data" };
            Assert.Empty(options.Validate());
            Assert.Equal("logistics-listener-p3", options.PartitionClientId(3));
            Assert.Equal("/data/partitions/4-3/journal", options.PartitionJournalDirectory(3));
            // One partition: the client id and journal of the listener before partitions.
            var single = new ListenerOptions { DataDirectory = "/data" };
            Assert.Equal(("logistics-listener", "/data/journal"), (single.PartitionClientId(0), single.PartitionJournalDirectory(0)));
        }
        finally
        {
            File.Delete(fleet);
        }
    }
}
