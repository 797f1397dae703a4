using Logistics.Routing.Planning;
using Logistics.Core.Csv;

namespace Logistics.Routing.Tests.Planning;

public class ProblemMapperTests
{
    private readonly MappedProblem _mapped = ProblemMapper.Map(DayFixture.Problem());

    private int ClientOf(string store) => _mapped.Stops.Select((s, i) => (s, i)).Single(p => p.s.Store.Id == store).i;

    [Fact]
    public void A_stores_orders_of_the_day_become_one_stop()
    {
        var b = _mapped.Stops[ClientOf("B")];
        Assert.Equal(["O-B1", "O-B2"], b.Orders.Select(o => o.Id));
        Assert.Equal(20, b.Cartons);
        Assert.True(b.Urgent);
        Assert.Equal(6, _mapped.Data.NumClients);
    }

    [Fact]
    public void Service_window_and_demand_are_in_seconds_and_cartons()
    {
        var a = _mapped.Data.Clients[ClientOf("A")];
        Assert.Equal([10L], a.Demand);
        Assert.Equal(5 * 60 + 10 * 6, a.ServiceDuration);
        Assert.Equal(9 * 3600, a.WindowStart);
        Assert.Equal(12 * 3600 - a.ServiceDuration, a.WindowEnd);
        Assert.False(a.Required);
    }

    [Fact]
    public void Vehicle_costs_are_converted_once_to_cost_units()
    {
        var van = Assert.Single(_mapped.Data.VehicleTypes);
        Assert.Equal(150 * CostUnits.PerYuan, van.FixedCost);
        Assert.Equal(120, van.UnitDistanceCost);
        Assert.Equal(1000, van.UnitDurationCost);
        Assert.Equal(8 * 3600, van.ShiftStart);
        Assert.Equal(4 * 3600, van.MaxDuration);
    }

    [Fact]
    public void Matrices_are_in_metres_and_seconds_depot_first()
    {
        var e = _mapped.Data.LocationOf(ClientOf("E"));
        Assert.Equal(100_000, _mapped.Data.Distance[0, e]);
        Assert.Equal(3 * 3600, _mapped.Data.Duration[e, 0]);
    }

    [Fact]
    public void Higher_tier_and_urgent_stops_carry_bigger_prizes()
    {
        Int128 Prize(string store) => _mapped.Data.Clients[ClientOf(store)].Prize;
        Assert.True(Prize("A") > Prize("C"));
        Assert.True(Prize("C") > Prize("B"));
        Assert.True(Prize("B") > Prize("E"));
        Assert.True(Prize("E") > Prize("F"));
        Assert.True(_mapped.Prizes.Strict);
    }

    [Fact]
    public void A_missing_matrix_pair_is_reported()
    {
        var problem = DayFixture.Problem() with
        {
            TravelTimes = new Logistics.Routing.TravelTimes.MatrixTravelTimes("m.csv", new Dictionary<(string, string), (long, long)> { [("DC", "A")] = (1, 1) }),
        };
        var e = Assert.Throws<InputValidationException>(() => ProblemMapper.Map(problem));
        Assert.Contains(e.Errors, x => x.Value == "A,DC" && x.File == "m.csv");
        Assert.Equal(7 * 6 - 1, e.Errors.Count);
    }
}
