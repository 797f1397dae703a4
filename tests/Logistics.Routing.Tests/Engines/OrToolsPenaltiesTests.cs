using Logistics.Routing.Engines.OrTools;
using Logistics.Routing.Model;

namespace Logistics.Routing.Tests.Engines;

public class OrToolsPenaltiesTests
{
    private static ProblemData Optional(params Int128[] prizes)
    {
        var m = Matrix.Build(prizes.Length + 1, (_, _) => 1);
        return new ProblemData([new Depot("d", 0, 0)],
            prizes.Select((p, i) => new Client($"c{i}", 0, 0, [1], Required: false, Prize: p)).ToArray(),
            [new VehicleType("van", 1, [10])], m, m);
    }

    [Fact]
    public void Prizes_that_fit_are_kept_exactly()
    {
        var penalties = OrToolsPenalties.For(Optional(5, 5, 700, 1_000_000));

        Assert.True(penalties.Exact);
        Assert.Equal(700, penalties.Of(700));
        Assert.Equal(1_000_000, penalties.Of(1_000_000));
    }

    [Fact]
    public void Prizes_beyond_a_long_keep_their_order_and_all_of_them_fit_the_budget()
    {
        var low = (Int128)long.MaxValue;
        Int128[] prizes = [low, low, low, low * 5, low * 5, low * 125];
        var penalties = OrToolsPenalties.For(Optional(prizes));

        Assert.False(penalties.Exact);
        Assert.True(penalties.Of(low) > 0);
        Assert.True(penalties.Of(low * 5) > penalties.Of(low));
        Assert.True(penalties.Of(low * 125) > penalties.Of(low * 5));
        Assert.True(prizes.Aggregate(Int128.Zero, (sum, p) => sum + penalties.Of(p)) <= OrToolsPenalties.Budget);
    }
}
