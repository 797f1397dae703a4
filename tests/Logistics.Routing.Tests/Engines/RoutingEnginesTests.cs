using Logistics.Routing.Engines;
using Logistics.Routing.Solver;
using Logistics.Routing.Tests.Solver;

namespace Logistics.Routing.Tests.Engines;

public class RoutingEnginesTests
{
    [Theory]
    [InlineData("ils", "ils")]
    [InlineData("ORTOOLS", "ortools")]
    [InlineData(" ortools ", "ortools")]
    public void A_known_engine_is_read_whatever_its_case(string text, string expected)
    {
        Assert.True(RoutingEngines.TryParse(text, out var name, out _));
        Assert.Equal(expected, name);
    }

    [Fact]
    public void An_unknown_engine_is_refused_with_the_valid_names()
    {
        Assert.False(RoutingEngines.TryParse("gurobi", out _, out var error));
        Assert.Equal("unknown engine 'gurobi'; choose one of ils, ortools", error);
        Assert.Contains("ils, ortools", Assert.Throws<ArgumentException>(() => RoutingEngines.Create("gurobi")).Message);
    }

    [Fact]
    public void Ils_is_the_default_and_says_so_in_its_result()
    {
        var result = RoutingEngines.Solve(TinyInstances.Random(1, 8, 2, 30, windows: false), new SolverOptions { MaxIterations = 50 });

        Assert.Equal(RoutingEngines.Ils, result.Engine);
        Assert.Empty(result.Notes);
    }
}
