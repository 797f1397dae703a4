using Logistics.Routing.Engines;
using Logistics.Routing.Model;

namespace Logistics.Routing.Tests.Engines;

/// <summary>The check after a 64-bit engine's search: a visit left out while a lower-prize one is served is put back
/// where it fits, or in place of the lower one; what cannot be put back is counted.</summary>
public class TierGuaranteeTests
{
    private static readonly Matrix Same = Matrix.Build(4, (_, _) => 10);

    private static ProblemData Data(long highDemand, int vans = 1) => new([new Depot("d", 0, 0)],
    [
        new Client("high", 1, 0, [highDemand], Required: false, Prize: 1_000),
        new Client("low", 1, 0, [5], Required: false, Prize: 10),
        new Client("other", 1, 0, [5], Required: false, Prize: 10),
    ], [new VehicleType("van", vans, [10])], Same, Same);

    [Fact]
    public void A_higher_visit_left_out_takes_the_place_of_a_lower_one()
    {
        var data = Data(highDemand: 5);
        var outcome = TierGuarantee.Enforce(data, new Solution([new SolutionRoute(0, [1, 2])], [0]), TimeSpan.FromSeconds(5));

        Assert.Equal(1, outcome.Restored);
        Assert.Equal(0, outcome.Broken);
        Assert.Contains(0, outcome.Solution.Routes.Single().Clients);
        Assert.Single(outcome.Solution.Unassigned);
    }

    [Fact]
    public void As_many_lower_visits_as_needed_make_room_and_the_rest_stay()
    {
        var data = Data(highDemand: 10);
        var outcome = TierGuarantee.Enforce(data, new Solution([new SolutionRoute(0, [1, 2])], [0]), TimeSpan.FromSeconds(5));

        Assert.Equal(1, outcome.Restored);
        Assert.Equal([0], outcome.Solution.Routes.Single().Clients);
        Assert.Equal([1, 2], outcome.Solution.Unassigned);
    }

    [Fact]
    public void A_higher_visit_goes_on_a_vehicle_not_used_yet_before_any_lower_one_is_taken_out()
    {
        var data = Data(highDemand: 10, vans: 2);
        var outcome = TierGuarantee.Enforce(data, new Solution([new SolutionRoute(0, [1, 2])], [0]), TimeSpan.FromSeconds(5));

        Assert.Equal(1, outcome.Restored);
        Assert.Equal(2, outcome.Solution.Routes.Count);
        Assert.Empty(outcome.Solution.Unassigned);
    }

    [Fact]
    public void A_visit_no_vehicle_could_make_breaks_no_promise()
    {
        var data = Data(highDemand: 11);
        var outcome = TierGuarantee.Enforce(data, new Solution([new SolutionRoute(0, [1, 2])], [0]), TimeSpan.FromSeconds(5));

        Assert.Equal(0, outcome.Restored);
        Assert.Equal(0, outcome.Broken);
        Assert.Equal([1, 2], outcome.Solution.Routes.Single().Clients);
    }
}
