using Logistics.Routing.Planning;
using Logistics.Core.Csv;

namespace Logistics.Routing.Tests.Planning;

/// <summary>Every refusal of the input readers names file, row, field and value.</summary>
public class InputCsvTests
{
    private const string StoresHeader = "store_id,name,lat,lon,tier,windows,service_fixed_min,service_per_carton_s\n";
    private const string GoodStore = "S1,Kiosk one,22.82,108.37,5,08:00-11:00,3,5\n";
    private const string FleetHeader = "vehicle_type,count,capacity_cartons,capacity_kg,shift_start,shift_end,max_route_min,fixed_cost,cost_per_km,cost_per_hour,depot_id,depot_name,depot_lat,depot_lon,depot_open,depot_close\n";
    private static readonly HashSet<string> KnownStores = ["S1", "S2"];

    private static InputError Single(Action read, string file)
    {
        var e = Assert.Throws<InputValidationException>(read);
        var error = Assert.Single(e.Errors);
        Assert.Equal(file, error.File);
        Assert.Contains($"{file} row {error.Row}, field '{error.Field}', value '{error.Value}'", e.Message);
        return error;
    }

    private static InputError Store(string csv) => Single(() => StoresCsv.Read(new StringReader(csv), "stores.csv"), "stores.csv");
    private static InputError Order(string csv) => Single(() => OrdersCsv.Read(new StringReader(csv), "orders.csv", KnownStores), "orders.csv");
    private static InputError Fleet(string csv) => Single(() => FleetCsv.Read(new StringReader(csv), "fleet.csv"), "fleet.csv");

    [Fact]
    public void Valid_stores_are_read_with_all_their_windows()
    {
        var stores = StoresCsv.Read(new StringReader(StoresHeader + GoodStore + "S2,Mart,22.80,108.30,1,08:00-10:00;14:00-17:00,,\n"), "stores.csv");
        Assert.Equal(2, stores.Count);
        Assert.Equal(2, stores[1].ReceivingWindows.Count);
        Assert.Equal(new TimeOnly(14, 0), stores[1].ReceivingWindows[1].Start);
        Assert.Equal(StoresCsv.DefaultServiceFixed, stores[1].ServiceFixed);
        Assert.Equal(TimeSpan.FromMinutes(3), stores[0].ServiceFixed);
    }

    [Fact]
    public void A_store_without_coordinates_is_refused()
    {
        var e = Store(StoresHeader + GoodStore + "S2,No place,,108.3,5,08:00-11:00,3,5\n");
        Assert.Equal((3, "lat", ""), (e.Row, e.Field, e.Value));
        Assert.Contains("coordinates", e.Problem);
    }

    [Fact]
    public void Zero_zero_coordinates_count_as_missing()
    {
        var e = Store(StoresHeader + "S1,Null island,0,0,5,08:00-11:00,3,5\n");
        Assert.Equal((2, "lat", "0,0"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void A_latitude_out_of_range_is_refused()
    {
        var e = Store(StoresHeader + "S1,Kiosk,95,108.3,5,08:00-11:00,3,5\n");
        Assert.Equal((2, "lat", "95"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void A_window_ending_before_it_starts_is_refused()
    {
        var e = Store(StoresHeader + "S1,Kiosk,22.8,108.3,5,08:00-11:00;15:00-14:00,3,5\n");
        Assert.Equal((2, "windows", "08:00-11:00;15:00-14:00"), (e.Row, e.Field, e.Value));
        Assert.Contains("ends before it starts", e.Problem);
    }

    [Fact]
    public void A_malformed_window_is_refused()
    {
        var e = Store(StoresHeader + "S1,Kiosk,22.8,108.3,5,morning,3,5\n");
        Assert.Equal((2, "windows", "morning"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void A_duplicate_store_id_names_the_first_row()
    {
        var e = Store(StoresHeader + GoodStore + GoodStore);
        Assert.Equal((3, "store_id", "S1"), (e.Row, e.Field, e.Value));
        Assert.Contains("row 2", e.Problem);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var e = Store("store_id,name,lat,tier,windows\nS1,Kiosk,22.8,5,08:00-11:00\n");
        Assert.Equal((1, "lon"), (e.Row, e.Field));
        Assert.Contains("missing column 'lon'", e.Problem);
    }

    [Fact]
    public void An_unparsable_number_is_refused()
    {
        var e = Store(StoresHeader + "S1,Kiosk,22.8,108,3x,08:00-11:00,3,5\n");
        Assert.Equal((2, "tier", "3x"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void A_tier_outside_1_to_5_is_refused()
    {
        var e = Store(StoresHeader + "S1,Kiosk,22.8,108,7,08:00-11:00,3,5\n");
        Assert.Equal((2, "tier", "7"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void All_errors_of_a_file_are_collected()
    {
        var e = Assert.Throws<InputValidationException>(() => StoresCsv.Read(new StringReader(
            StoresHeader + "S1,A,,108,5,08:00-11:00,3,5\nS2,B,22.8,108,9,08:00-11:00,3,5\nS3,C,22.8,108,5,12:00-10:00,3,5\n"), "stores.csv"));
        Assert.Equal([2, 3, 4], e.Errors.Select(x => x.Row));
        Assert.Equal(["lat", "tier", "windows"], e.Errors.Select(x => x.Field));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Cartons_of_zero_or_less_are_refused(string cartons)
    {
        var e = Order($"order_id,store_id,cartons\nO1,S1,{cartons}\n");
        Assert.Equal((2, "cartons", cartons), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void Unparsable_cartons_are_refused()
    {
        var e = Order("order_id,store_id,cartons\nO1,S1,twelve\n");
        Assert.Equal((2, "cartons", "twelve"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void An_order_for_an_unknown_store_is_refused()
    {
        var e = Order("order_id,store_id,cartons\nO1,S1,10\nO2,S9,10\n");
        Assert.Equal((3, "store_id", "S9"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void A_duplicate_order_id_is_refused()
    {
        var e = Order("order_id,store_id,cartons\nO1,S1,10\nO1,S2,10\n");
        Assert.Equal((3, "order_id", "O1"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void Orders_read_weight_and_urgency()
    {
        var orders = OrdersCsv.Read(new StringReader("order_id,store_id,cartons,weight_kg,urgent\nO1,S1,10,2.5,yes\nO2,S2,4,,\n"), "orders.csv", KnownStores);
        Assert.Equal(2.5, orders[0].WeightKg);
        Assert.True(orders[0].Urgent);
        Assert.Null(orders[1].WeightKg);
        Assert.False(orders[1].Urgent);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    public void A_vehicle_with_no_capacity_is_refused(string capacity)
    {
        var e = Fleet(FleetHeader + $"van,3,{capacity},,08:00,18:00,540,150,1.2,35,DC1,Nanning DC,22.79,108.30,07:00,19:00\n");
        Assert.Equal((2, "capacity_cartons", capacity), (e.Row, e.Field, e.Value));
        Assert.Contains("capacity", e.Problem);
    }

    [Fact]
    public void A_duplicate_vehicle_type_is_refused()
    {
        const string row = "van,3,300,,08:00,18:00,540,150,1.2,35,DC1,Nanning DC,22.79,108.30,07:00,19:00\n";
        var e = Fleet(FleetHeader + row + row);
        Assert.Equal((3, "vehicle_type", "van"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void A_shift_ending_before_it_starts_is_refused()
    {
        var e = Fleet(FleetHeader + "van,3,300,,18:00,08:00,540,150,1.2,35,DC1,Nanning DC,22.79,108.30,07:00,19:00\n");
        Assert.Equal((2, "shift_end", "08:00"), (e.Row, e.Field, e.Value));
    }

    [Fact]
    public void Fleet_rows_share_their_depot()
    {
        var fleet = FleetCsv.Read(new StringReader(FleetHeader
            + "van,3,300,900,08:00,18:00,540,150,1.2,35,DC1,Nanning DC,22.79,108.30,07:00,19:00\n"
            + "truck,1,800,,08:00,18:00,,260,2.1,45,DC1,Nanning DC,22.79,108.30,07:00,19:00\n"), "fleet.csv");
        var depot = Assert.Single(fleet.Depots);
        Assert.Equal("DC1", depot.Id);
        Assert.Equal(new TimeOnly(7, 0), depot.OpeningHours.Start);
        Assert.Equal(TimeSpan.FromMinutes(540), fleet.VehicleTypes[0].MaxRouteDuration);
        Assert.Null(fleet.VehicleTypes[1].CapacityKg);
    }
}
