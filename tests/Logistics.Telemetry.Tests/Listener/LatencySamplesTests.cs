using Logistics.Telemetry.Listener;

namespace Logistics.Telemetry.Tests.Listener;

public sealed class LatencySamplesTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_samples()
    {
        var samples = new LatencySamples();
        Assert.Null(samples.Percentile(50));
        for (var ms = 1; ms <= 100; ms++) samples.Add(TimeSpan.FromMilliseconds(101 - ms));
        Assert.Equal(50, samples.Percentile(50));
        Assert.Equal(99, samples.Percentile(99));
        Assert.Equal(100, samples.Percentile(100));
        Assert.Equal(100, samples.Count);
    }

    [Fact]
    public void Only_the_most_recent_samples_count_once_the_ring_is_full()
    {
        var samples = new LatencySamples();
        for (var i = 0; i < LatencySamples.Capacity; i++) samples.Add(TimeSpan.FromSeconds(10));
        for (var i = 0; i < LatencySamples.Capacity; i++) samples.Add(TimeSpan.FromMilliseconds(5));
        Assert.Equal(5, samples.Percentile(99));
        Assert.Equal(2L * LatencySamples.Capacity, samples.Count);
    }

    [Fact]
    public void A_sampled_stage_keeps_one_call_in_every_n_from_the_first()
    {
        var samples = new LatencySamples();
        long calls = 0;
        for (var i = 1; i <= 10; i++) samples.AddSampled(TimeSpan.FromMilliseconds(i), ref calls, every: 4);
        Assert.Equal(10, calls);
        Assert.Equal(3, samples.Count); // calls 1, 5 and 9
        Assert.Equal(9, samples.Percentile(100));
        Assert.Equal(1, samples.Percentile(1));
    }
}
