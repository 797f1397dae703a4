using System.CommandLine;
using System.Globalization;
using Logistics.Simulators.Orders;

var stores = new Option<int>("--stores") { Description = "number of stores (e.g. 200, 1000, 3000)", DefaultValueFactory = _ => 200 };
var seed = new Option<int>("--seed") { Description = "seed: the same seed gives the same files", DefaultValueFactory = _ => 1 };
var output = new Option<DirectoryInfo>("--out") { Description = "folder to write stores.csv, orders.csv, fleet.csv", Required = true };
var date = new Option<string?>("--date") { Description = "delivery day (yyyy-MM-dd) the orders are for; pass the same --date to logistics plan" };
var history = new Option<double?>("--history") { Description = "also write history.csv: this many years of the stores' orders (store_id,date,cartons), ending the day before --date" };
var trucks = new Option<int?>("--trucks") { Description = "fleet of exactly this many trucks (800 cartons); default: vans and trucks sized for the day" };
trucks.Validators.Add(r =>
{
    if (r.GetValueOrDefault<int?>() is <= 0) r.AddError("--trucks must be at least 1");
});
history.Validators.Add(r =>
{
    if (r.GetValueOrDefault<double?>() is { } years && (years <= 0 || years > 50)) r.AddError("--history must be between 0 and 50 years");
});
stores.Validators.Add(r =>
{
    if (r.GetValueOrDefault<int>() <= 0) r.AddError("--stores must be at least 1");
});

var root = new RootCommand("Generate a seeded store network around Nanning, a day's orders and a fleet.") { stores, seed, trucks, output, date, history };
root.SetAction(parse =>
{
    var deliveryDay = DateOnly.FromDateTime(DateTime.Today);
    if (parse.GetValue(date) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out deliveryDay))
    {
        Console.Error.WriteLine($"--date: '{text}' is not a date (yyyy-MM-dd)");
        return 2;
    }
    var day = OrdersSimulator.Generate(parse.GetValue(stores), parse.GetValue(seed), parse.GetValue(trucks));
    var folder = parse.GetRequiredValue(output).FullName;
    DayFiles.Write(day, folder);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{day.Stores.Count} stores, {day.Orders.Count} orders ({day.Orders.Sum(o => o.Cartons)} cartons), " +
        $"{string.Join(", ", day.Fleet.Select(v => $"{v.Count} × {v.Id}"))}{(parse.GetValue(date) is { } d ? $" for {d}" : "")} → {folder}"));
    if (parse.GetValue(history) is { } years)
    {
        var deliveries = OrderHistorySimulator.Generate(day, parse.GetValue(seed), years, deliveryDay.AddDays(-1));
        var path = Path.Combine(folder, "history.csv");
        OrderHistorySimulator.Write(deliveries, path);
        var first = deliveries.Count > 0 ? deliveries[0].Date : deliveryDay;
        var perDay = deliveries.Sum(d => (double)d.Cartons) / Math.Max(1, deliveryDay.DayNumber - first.DayNumber);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"history: {deliveries.Count} deliveries from {first:yyyy-MM-dd} to {deliveryDay.AddDays(-1):yyyy-MM-dd}, {perDay:0} cartons a day on average → {path}"));
    }
    return 0;
});
return root.Parse(args).Invoke();
