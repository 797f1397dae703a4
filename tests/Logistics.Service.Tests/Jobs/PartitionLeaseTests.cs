using Logistics.Data;
using Logistics.Data.Jobs;
using Logistics.Data.Partitions;

namespace Logistics.Service.Tests.Jobs;

/// <summary>The listener's partition leases (the job lease code over <c>listener_partitions</c>) shared by two instances,
/// each with its own store and connection pool, on both providers (<see cref="TestDatabase.Providers"/>).</summary>
public sealed class PartitionLeaseTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    private static async Task<(TestDatabase Test, PartitionLeaseStore A, PartitionLeaseStore B)> TwoInstancesAsync(string provider, int partitions)
    {
        var test = await TestDatabase.CreateAsync(provider);
        var a = new LogisticsDatabase(test.Database);
        await a.MigrateAsync();
        return (test, new PartitionLeaseStore(a, partitions, new JobInstance("instance-a", Lease)),
            new PartitionLeaseStore(new LogisticsDatabase(test.SecondInstance()), partitions, new JobInstance("instance-b", Lease)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_partition_is_held_by_one_instance_and_a_dead_ones_are_taken_over_once_its_leases_expire(string provider)
    {
        var (test, a, b) = await TwoInstancesAsync(provider, partitions: 4);
        await using var _ = test;
        await a.EnsurePartitionsAsync(T0);
        await b.EnsurePartitionsAsync(T0);   // idempotent

        Assert.Equal(1, await a.HeartbeatAsync(T0));
        Assert.Equal(2, await b.HeartbeatAsync(T0));
        var heldByA = new[] { await a.ClaimAsync(T0), await a.ClaimAsync(T0) };
        var heldByB = new[] { await b.ClaimAsync(T0), await b.ClaimAsync(T0) };
        Assert.Null(await b.ClaimAsync(T0));
        Assert.Null(await a.ClaimAsync(T0 + Lease / 2));
        Assert.Equal([0, 1, 2, 3], heldByA.Concat(heldByB).Select(c => c!.Value.Partition).Order());
        Assert.All(heldByA.Concat(heldByB), c => Assert.Null(c!.Value.TakenOverFrom));
        Assert.Equal(["instance-a", "instance-a", "instance-b", "instance-b"], (await a.OwnersAsync(T0)).Order(StringComparer.Ordinal));

        // a renews; b dies (stops renewing and saying it is alive): once its leases expired a takes its partitions over.
        var later = T0 + Lease * 0.9;
        foreach (var c in heldByA) Assert.True(await a.RenewAsync(c!.Value.Partition, later));
        Assert.Null(await a.ClaimAsync(later));
        var afterDeath = T0 + Lease + TimeSpan.FromSeconds(1);
        Assert.Equal(1, await a.HeartbeatAsync(afterDeath));
        var takenOver = new[] { await a.ClaimAsync(afterDeath), await a.ClaimAsync(afterDeath) };
        Assert.Equal(heldByB.Select(c => c!.Value.Partition).Order(), takenOver.Select(c => c!.Value.Partition).Order());
        Assert.All(takenOver, c => Assert.Equal("instance-b", c!.Value.TakenOverFrom));
        Assert.All(await a.OwnersAsync(afterDeath), o => Assert.Equal("instance-a", o));

        // b comes back: its renewals say it lost them (it must stop them); a hands one over by releasing it.
        Assert.False(await b.RenewAsync(heldByB[0]!.Value.Partition, afterDeath));
        Assert.Equal(2, await b.HeartbeatAsync(afterDeath));
        Assert.True(await a.ReleaseAsync(takenOver[0]!.Value.Partition, afterDeath));
        var handedOver = await b.ClaimAsync(afterDeath + TimeSpan.FromMilliseconds(1));
        Assert.Equal(takenOver[0]!.Value.Partition, handedOver!.Value.Partition);
        Assert.False(await a.RenewAsync(takenOver[0]!.Value.Partition, afterDeath));

        var history = await a.HistoryAsync(takenOver[0]!.Value.Partition);
        Assert.Equal(["instance-b", "instance-a", "instance-a", "instance-b"], history.Select(h => h.Instance));
        Assert.Equal("claimed and started", history[0].Event);
        Assert.StartsWith("taken over from instance-b (its lease expired at ", history[1].Event);
        Assert.Equal("released: the instance is stopping", history[2].Event);
        Assert.StartsWith("taken over from instance-a", history[3].Event);

        // An instance that leaves is not counted any more; partitions are never failed for being taken over often.
        await b.LeaveAsync();
        Assert.Equal(1, await a.HeartbeatAsync(afterDeath));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Instances_configured_with_another_number_of_partitions_claim_only_their_own_rows(string provider)
    {
        var (test, a, _) = await TwoInstancesAsync(provider, partitions: 2);
        await using var __ = test;
        var other = new PartitionLeaseStore(new LogisticsDatabase(test.SecondInstance()), 3, new JobInstance("instance-c", Lease));
        await a.EnsurePartitionsAsync(T0);
        await other.EnsurePartitionsAsync(T0);
        Assert.Equal([0, 1], new[] { (await a.ClaimAsync(T0))!.Value.Partition, (await a.ClaimAsync(T0))!.Value.Partition }.Order());
        Assert.Null(await a.ClaimAsync(T0));
        Assert.Equal(3, (await other.OwnersAsync(T0)).Count);
        Assert.All(await other.OwnersAsync(T0), Assert.Null);
    }
}
