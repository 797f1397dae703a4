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
        var everyLowerTier = Enumerable.Range(PriorityLevel.Of(new Tier(2), true), PriorityLevel.Count - 2)
            .Sum(level => (decimal)counts[level] * scheme.PrizeOf(level));
        Assert.True(tier1 > everyLowerTier + routeCostBound);
        for (var level = 0; level < PriorityLevel.Count; level++)
        {
            var lower = Enumerable.Range(level + 1, PriorityLevel.Count - level - 1).Sum(j => (decimal)counts[j] * scheme.PrizeOf(j));
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
    public void A_day_too_large_for_strict_prizes_caps_the_ratio_and_stays_within_the_budget()
    {
        var counts = new[] { 2, 40, 8, 160, 20, 400, 30, 600, 40, 800 };
        var scheme = PrizeScheme.Compute(counts, 4_000_000_000);

        Assert.False(scheme.Strict);
        Assert.InRange(scheme.Ratio, 2, counts.Max());
        var total = counts.Select((n, level) => (decimal)n * scheme.PrizeOf(level)).Sum() + scheme.RouteCostBound;
        Assert.True(total <= PrizeScheme.Budget);
        for (var level = 1; level < PriorityLevel.Count; level++)
            Assert.True(scheme.PrizeOf(level - 1) > scheme.PrizeOf(level));
        Assert.True(scheme.PrizeOf(PriorityLevel.Count - 1) > scheme.RouteCostBound);
    }

    [Fact]
    public void A_route_cost_bound_beyond_any_prize_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => PrizeScheme.Compute([0, 0, 0, 0, 0, 0, 0, 0, 0, 1000], PrizeScheme.Budget / 10));
}
