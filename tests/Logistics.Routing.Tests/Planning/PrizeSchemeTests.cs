using Logistics.Core;
using Logistics.Routing.Planning;

namespace Logistics.Routing.Tests.Planning;

public class PrizeSchemeTests
{
    [Fact]
    public void Dropping_one_tier_1_order_costs_more_than_dropping_every_lower_tier_order_and_any_routes()
    {
        var counts = new[] { 1, 3, 4, 10, 20, 2, 30, 5, 40, 80 };
        const long routeCostBound = 1_000_000;
        var scheme = PrizeScheme.Compute(counts, routeCostBound);

        Assert.True(scheme.Strict);
        var tier1 = scheme.PrizeOf(PriorityLevel.Of(new Tier(1), urgent: false));
        var everyLowerTier = Sum(Enumerable.Range(PriorityLevel.Of(new Tier(2), true), PriorityLevel.Count - 2)
            .Select(level => counts[level] * scheme.PrizeOf(level)));
        Assert.True(tier1 > everyLowerTier + routeCostBound);
        for (var level = 0; level < PriorityLevel.Count; level++)
        {
            var lower = Sum(Enumerable.Range(level + 1, PriorityLevel.Count - level - 1).Select(j => counts[j] * scheme.PrizeOf(j)));
            Assert.True(scheme.PrizeOf(level) > lower + routeCostBound, $"level {level}");
        }
        Assert.True(scheme.PrizeOf(PriorityLevel.Count - 1) > routeCostBound);
    }

    [Fact]
    public void Urgent_orders_rank_above_non_urgent_ones_of_the_same_tier()
    {
        var scheme = PrizeScheme.Compute(Enumerable.Repeat(5, PriorityLevel.Count).ToArray(), 1000);
        for (var tier = Tier.Top; tier <= Tier.Ordinary; tier++)
            Assert.True(scheme.PrizeOf(PriorityLevel.Of(new Tier(tier), true)) > 5 * scheme.PrizeOf(PriorityLevel.Of(new Tier(tier), false)));
    }

    [Fact]
    public void A_large_day_with_every_level_in_use_is_still_strict()
    {
        // 2,100 stops over all ten levels, route cost bound of a large fleet (4e10 = 400,000 yuan):
        // the strict prizes need about 2^100, beyond a long (which capped this day before).
        var counts = new[] { 2, 40, 8, 160, 20, 400, 30, 600, 40, 800 };
        var scheme = PrizeScheme.Compute(counts, 40_000_000_000);

        Assert.True(scheme.Strict);
        Assert.True(scheme.PrizeOf(0) > long.MaxValue);
        for (var level = 0; level < PriorityLevel.Count; level++)
        {
            var lower = Sum(Enumerable.Range(level + 1, PriorityLevel.Count - level - 1).Select(j => counts[j] * scheme.PrizeOf(j)));
            Assert.True(scheme.PrizeOf(level) > lower + scheme.RouteCostBound, $"level {level}");
        }
    }

    [Fact]
    public void A_day_too_large_for_strict_prizes_caps_the_ratio_and_stays_within_the_budget()
    {
        var counts = new[] { 20, 400, 80, 1600, 200, 4000, 300, 6000, 400, 8000 };
        var scheme = PrizeScheme.Compute(counts, 4_000_000_000);

        Assert.False(scheme.Strict);
        Assert.InRange(scheme.Ratio, 2, counts.Max());
        var total = Sum(counts.Select((n, level) => n * scheme.PrizeOf(level))) + scheme.RouteCostBound;
        Assert.True(total <= PrizeScheme.Budget);
        for (var level = 1; level < PriorityLevel.Count; level++)
            Assert.True(scheme.PrizeOf(level - 1) > scheme.PrizeOf(level));
        Assert.True(scheme.PrizeOf(PriorityLevel.Count - 1) > scheme.RouteCostBound);
    }

    private static Int128 Sum(IEnumerable<Int128> values)
    {
        Int128 total = 0;
        foreach (var v in values) total += v;
        return total;
    }
}
