using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

/// <summary>A database of its own on the test profile's InfluxDB for one test class, created before
/// its first test and dropped after its last, so its writes disturb nothing else.</summary>
public sealed class InfluxTestDatabase : IAsyncLifetime
{
    public string Name { get; } = $"test_{Guid.NewGuid():N}"[..21];

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public InfluxDbClient Client(string? database = null, InfluxDbClientOptions? options = null) =>
        new(new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
            new InfluxDbConnection(TestServers.InfluxUrl, database ?? Name, TestServers.InfluxUser, TestServers.InfluxPassword),
            options ?? new InfluxDbClientOptions { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMilliseconds(50) });

    public async Task InitializeAsync() =>
        await Client().QueryAsync($"CREATE DATABASE {InfluxQl.QuoteIdentifier(Name)}", Timeout);

    public async Task DisposeAsync() => await DropAsync(Name);

    public async Task DropAsync(string database) =>
        await Client().QueryAsync($"DROP DATABASE {InfluxQl.QuoteIdentifier(database)}", Timeout);
}
