using Logistics.Mqtt.Internal;

namespace Logistics.Mqtt.Tests.Client;

public class PacketIdTableTests
{
    [Fact]
    public void Ids_are_handed_out_in_order_and_wrap_from_65535_to_1_skipping_0()
    {
        var table = new PacketIdTable();
        var owner = new object();
        Assert.Equal([1, 2, 3], new[] { table.Allocate(owner), table.Allocate(owner), table.Allocate(owner) }.Select(i => (int)i));
        for (ushort id = 1; id <= 3; id++) Assert.True(table.Remove(id, owner));

        var last = (ushort)3;
        while (last != ushort.MaxValue)
        {
            var id = table.Allocate(owner);
            Assert.Equal(last + 1, id);
            Assert.True(table.Remove(id, owner));
            last = id;
        }
        Assert.Equal(1, table.Allocate(owner));
        Assert.Equal((1, 8), (table.Count, table.Capacity)); // cycling through every id needed no growth
    }

    [Fact]
    public void An_id_held_across_a_wraparound_is_not_handed_out_again_and_stays_findable()
    {
        var table = new PacketIdTable();
        var held = new object();
        var heldId = table.Allocate(held);
        var other = new object();
        for (var i = 0; i < 3 * ushort.MaxValue; i++)
        {
            var id = table.Allocate(other);
            Assert.NotEqual(heldId, id);
            Assert.NotEqual(0, id);
            Assert.Same(other, table[id]);
            Assert.True(table.Remove(id, other));
        }
        Assert.Same(held, table[heldId]);
        Assert.True(table.Remove(heldId, held));
        Assert.Null(table[heldId]);
    }

    [Fact]
    public void Random_completion_order_never_reissues_an_id_in_use_and_capacity_follows_what_is_in_flight()
    {
        var random = new Random(1234);
        var table = new PacketIdTable();
        var inUse = new Dictionary<ushort, object>();
        for (var step = 0; step < 300_000; step++)
        {
            // Up to 100 in flight, completed in random order, so ids wrap around several times.
            if (inUse.Count < 100 && (inUse.Count == 0 || random.Next(2) == 0))
            {
                var owner = new object();
                var id = table.Allocate(owner);
                Assert.True(inUse.TryAdd(id, owner), $"id {id} handed out while in use");
            }
            else
            {
                var id = inUse.Keys.ElementAt(random.Next(inUse.Count));
                Assert.Same(inUse[id], table[id]);
                Assert.True(table.Remove(id, inUse[id]));
                inUse.Remove(id);
                Assert.Null(table[id]);
            }
            Assert.Equal(inUse.Count, table.Count);
        }
        foreach (var (id, owner) in inUse) Assert.Same(owner, table[id]);
        Assert.InRange(table.Capacity, 128, 256);
    }

    [Fact]
    public void Growing_keeps_every_id_in_use_findable()
    {
        var table = new PacketIdTable(4);
        var owners = Enumerable.Range(0, 1000).Select(_ => new object()).ToArray();
        var ids = owners.Select(table.Allocate).ToArray();
        Assert.Equal(1000, ids.Distinct().Count());
        for (var i = 0; i < owners.Length; i++) Assert.Same(owners[i], table[ids[i]]);
        Assert.Equal(2048, table.Capacity);
    }

    [Fact]
    public void When_all_65535_ids_are_in_use_allocation_fails_until_one_is_freed()
    {
        var table = new PacketIdTable();
        var owner = new object();
        for (var i = 0; i < ushort.MaxValue; i++) table.Allocate(owner);
        Assert.Equal((65_535, 65_536), (table.Count, table.Capacity));
        Assert.Throws<InvalidOperationException>(() => table.Allocate(owner));

        Assert.True(table.Remove(40_000, owner));
        var other = new object();
        Assert.Equal(40_000, table.Allocate(other));
        Assert.Same(other, table[40_000]);
    }

    [Fact]
    public void Remove_frees_an_id_only_for_its_owner()
    {
        var table = new PacketIdTable();
        var owner = new object();
        var id = table.Allocate(owner);
        Assert.False(table.Remove(id, new object()));
        Assert.False(table.Remove((ushort)(id + 8), owner)); // the same slot, another id
        Assert.Same(owner, table[id]);
        Assert.Null(table[(ushort)(id + 8)]);
        Assert.True(table.Remove(id, owner));
        Assert.False(table.Remove(id, owner));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void RemoveAll_frees_the_matching_owners_of_a_type_only()
    {
        var table = new PacketIdTable();
        var keep = new object();
        var strings = new[] { "a", "bb", "ccc" };
        var keptId = table.Allocate(keep);
        var ids = strings.Select(table.Allocate).ToArray();
        List<string> removed = [];

        table.RemoveAll<string>(s => s.Length >= 2, removed);

        Assert.Equal(["bb", "ccc"], removed.Order());
        Assert.Equal((2, "a"), (table.Count, table[ids[0]]));
        Assert.Same(keep, table[keptId]);
        Assert.Null(table[ids[1]]);
    }
}
