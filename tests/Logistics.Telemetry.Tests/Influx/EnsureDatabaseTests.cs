using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

/// <summary>EnsureDatabaseAsync against the real server, on databases created and dropped here.</summary>
public class EnsureDatabaseTests(InfluxTestDatabase db) : IClassFixture<InfluxTestDatabase>
{
    private static CancellationToken Timeout => InfluxTestDatabase.Timeout;

    private static async Task<(string Duration, bool IsDefault)[]> PoliciesAsync(InfluxDbClient client, string name) =>
        (await client.QueryAsync($"SHOW RETENTION POLICIES ON {InfluxQl.QuoteIdentifier(client.Connection.Database)}", Timeout))
            .SelectMany(s => s.Rows).Where(r => r.GetString("name") == name)
            .Select(r => (r.GetString("duration")!, r.GetBoolean("default") == true)).ToArray();

    [Fact]
    public async Task A_missing_database_is_created_with_its_policy_and_a_second_call_changes_nothing()
    {
        var name = db.Name + "_new";
        var client = db.Client(name);
        try
        {
            var policy = new RetentionPolicy("cold_chain", TimeSpan.FromDays(760));
            Assert.Equal(new DatabaseSetup(true, true, false), await client.EnsureDatabaseAsync(policy, Timeout));
            Assert.False((await client.EnsureDatabaseAsync(policy, Timeout)).Changed);

            Assert.Equal([("18240h0m0s", true)], await PoliciesAsync(client, "cold_chain"));
        }
        finally
        {
            await db.DropAsync(name);
        }
    }

    [Fact]
    public async Task On_an_existing_database_the_policy_is_added_as_default_then_altered_when_its_duration_differs()
    {
        var client = db.Client(); // the fixture created it plainly: only "autogen" exists
        var setup = await client.EnsureDatabaseAsync(new RetentionPolicy("keep", TimeSpan.FromDays(30)), Timeout);
        Assert.Equal(new DatabaseSetup(false, true, false), setup);
        Assert.Equal([("720h0m0s", true)], await PoliciesAsync(client, "keep"));
        Assert.Equal([("0s", false)], await PoliciesAsync(client, "autogen"));

        var longer = new RetentionPolicy("keep", TimeSpan.FromHours(36));
        Assert.Equal(new DatabaseSetup(false, false, true), await client.EnsureDatabaseAsync(longer, Timeout));
        Assert.False((await client.EnsureDatabaseAsync(longer, Timeout)).Changed);
        Assert.Equal([("36h0m0s", true)], await PoliciesAsync(client, "keep"));
    }

    [Fact]
    public void A_policy_shorter_than_an_hour_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionPolicy("brief", TimeSpan.FromMinutes(30)));
        Assert.Contains("Retention policy 'brief' keeps 00:30:00", e.Message);
    }
}
