using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

public class RefusedLineIsolatorTests
{
    /// <summary>A stand-in for InfluxDB 1.x: stores the good lines of any batch and refuses the batch
    /// when it holds a bad one.</summary>
    private sealed class FakeServer(ISet<int> bad)
    {
        public HashSet<int> Stored { get; } = [];
        public int Writes { get; private set; }

        public Task<string?> Write(int start, int count, CancellationToken _)
        {
            Writes++;
            var refused = Enumerable.Range(start, count).Where(bad.Contains).ToList();
            foreach (var i in Enumerable.Range(start, count).Except(refused)) Stored.Add(i);
            return Task.FromResult(refused.Count == 0 ? null : $"partial write: line {refused[0]} dropped={refused.Count}");
        }
    }

    private static List<string> Lines(int n) => Enumerable.Range(0, n).Select(i => $"m v={i}").ToList();

    [Theory]
    [InlineData(5000, new[] { 0 })]
    [InlineData(5000, new[] { 4999 })]
    [InlineData(1000, new[] { 3, 4, 500, 999 })]
    [InlineData(7, new[] { 0, 1, 2, 3, 4, 5, 6 })]
    public async Task Exactly_the_refused_lines_come_back_and_every_good_line_is_stored(int n, int[] bad)
    {
        var server = new FakeServer(bad.ToHashSet());
        var refused = await RefusedLineIsolator.IsolateAsync(n, i => $"m v={i}", server.Write, CancellationToken.None);

        Assert.Equal(bad, refused.Select(r => r.Index));
        Assert.All(refused, r => Assert.Equal($"m v={r.Index}", r.Line));
        Assert.All(refused, r => Assert.Equal($"partial write: line {r.Index} dropped=1", r.Reason));
        Assert.Equal(Enumerable.Range(0, n).Except(bad), server.Stored.Order());
    }

    [Fact]
    public async Task A_batch_accepted_whole_is_written_once()
    {
        var server = new FakeServer(new HashSet<int>());
        var refused = await RefusedLineIsolator.IsolateAsync(5000, i => $"m v={i}", server.Write, CancellationToken.None);
        Assert.Empty(refused);
        Assert.Equal(1, server.Writes);
    }

    [Fact]
    public async Task One_bad_line_in_5000_costs_few_writes()
    {
        var server = new FakeServer(new HashSet<int> { 1234 });
        await RefusedLineIsolator.IsolateAsync(5000, i => $"m v={i}", server.Write, CancellationToken.None);
        Assert.InRange(server.Writes, 2, 2 * 13 + 1);
    }

    [Fact]
    public async Task Cancellation_stops_the_search()
    {
        using var cts = new CancellationTokenSource();
        var server = new FakeServer(new HashSet<int> { 1, 2, 3 });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RefusedLineIsolator.IsolateAsync(100, i => $"m v={i}",
            async (s, c, ct) => { var r = await server.Write(s, c, ct); cts.Cancel(); return r; }, cts.Token));
        Assert.Equal(1, server.Writes);
    }
}
