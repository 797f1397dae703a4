using System.CommandLine;
using System.Globalization;
using Logistics.Routing.Engines;
using Logistics.Routing.Planning;
using Logistics.Routing.Solver;
using Spectre.Console;
using Logistics.Core.Csv;

namespace Logistics.Cli.Commands;

/// <summary>`logistics plan`: a dispatcher's day from CSV files to a plan. Only wiring: the work is in
/// <see cref="PlanRunner"/> and the writers of Logistics.Routing.Planning.</summary>
internal static class PlanCommand
{
    private const int InputError = 2;

    public static Command Create()
    {
        var stores = new Option<FileInfo>("--stores") { Description = "stores.csv (see docs/planning-input.md)", Required = true };
        var orders = new Option<FileInfo>("--orders") { Description = "orders.csv: the day's orders", Required = true };
        var fleet = new Option<FileInfo>("--fleet") { Description = "fleet.csv: vehicle types and their depots", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "where to write the plan (JSON)", Required = true };
        var geojson = new Option<FileInfo?>("--geojson") { Description = "also write the routes and stops as GeoJSON" };
        var manifests = new Option<DirectoryInfo?>("--manifests") { Description = "folder for one CSV manifest per driver" };
        var matrix = new Option<FileInfo?>("--matrix") { Description = "travel matrix (CSV or JSON: from,to,distance_m,duration_s); default: great circle × 1.3 at 25 km/h" };
        var solver = new SolverCommandOptions(60, "Seconds the solver may search.");
        var softWindows = new Option<bool>("--soft-windows") { Description = "allow serving a store after its receiving window closes, at a cost (see --max-lateness, --lateness-cost)" };
        var maxLateness = new Option<int>("--max-lateness") { Description = "with --soft-windows: minutes a delivery may be late at most", DefaultValueFactory = _ => 60 };
        var latenessCost = new Option<decimal>("--lateness-cost") { Description = "with --soft-windows: yuan per hour late", DefaultValueFactory = _ => 60m };
        var date = new Option<string?>("--date") { Description = "delivery day (yyyy-MM-dd); default today" };
        var command = new Command("plan", "Plan a day's routes from stores, orders and fleet CSV files.")
        {
            stores, orders, fleet, output, geojson, manifests, matrix, date, softWindows, maxLateness, latenessCost,
        };
        solver.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (solver.ToSolverOptions(parse, out var optionError) is not [var options])
            {
                await Console.Error.WriteLineAsync(optionError);
                return InputError;
            }
            var day = DateOnly.FromDateTime(DateTime.Today);
            if (parse.GetValue(date) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                await Console.Error.WriteLineAsync($"--date: '{text}' is not a date (yyyy-MM-dd)");
                return InputError;
            }
            SoftWindowPolicy? soft = null;
            if (parse.GetValue(softWindows))
            {
                var minutes = parse.GetValue(maxLateness);
                var perHour = parse.GetValue(latenessCost);
                if (minutes <= 0)
                {
                    await Console.Error.WriteLineAsync($"--max-lateness: '{minutes}' must be a positive number of minutes");
                    return InputError;
                }
                if (perHour < 0)
                {
                    await Console.Error.WriteLineAsync($"--lateness-cost: '{perHour}' must not be negative");
                    return InputError;
                }
                soft = new SoftWindowPolicy(TimeSpan.FromMinutes(minutes), perHour);
            }
            DispatchProblem problem;
            try
            {
                problem = PlanRunner.Load(parse.GetRequiredValue(stores).FullName, parse.GetRequiredValue(orders).FullName,
                    parse.GetRequiredValue(fleet).FullName, day, parse.GetValue(matrix)?.FullName, soft);
            }
            catch (InputValidationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return InputError;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return InputError;
            }

            Plan plan;
            bool feasible;
            try
            {
                (plan, feasible) = await SolveWithProgress(problem, options, cancellationToken);
            }
            catch (InputValidationException e)
            {
                // A user matrix missing pairs is found only when the day's locations are known.
                await Console.Error.WriteLineAsync(e.Message);
                return InputError;
            }
            catch (EngineRefusedException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return InputError;
            }

            PlanJson.Write(plan, parse.GetRequiredValue(output).FullName);
            if (parse.GetValue(geojson) is { } geo) PlanGeoJson.Write(plan, geo.FullName);
            if (parse.GetValue(manifests) is { } folder) ManifestCsv.WriteAll(plan, folder.FullName);
            AnsiConsole.Write(PlanSummary(plan));
            if (feasible) return 0;
            // The plan is still written so that it can be inspected, but it must not go to drivers.
            await Console.Error.WriteLineAsync("no feasible plan found within the time limit: routes break windows, shifts or capacity");
            return 1;
        });
        return command;
    }

    private static async Task<(Plan Plan, bool Feasible)> SolveWithProgress(DispatchProblem problem, SolverOptions options, CancellationToken cancellationToken)
    {
        var latest = new LatestProgress();
        (Plan Plan, SolverResult Result)? outcome = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"solving ({options.Engine})", maxValue: options.TimeLimit.TotalSeconds);
                var solve = Task.Run(() => PlanRunner.Solve(problem, options, latest, cancellationToken), cancellationToken);
                while (!solve.IsCompleted)
                {
                    await Task.WhenAny(solve, Task.Delay(250, CancellationToken.None));
                    if (latest.Value is { } p)
                    {
                        task.Value = Math.Min(p.Elapsed.TotalSeconds, options.TimeLimit.TotalSeconds);
                        task.Description = p.BestRouteCost is { } cost
                            ? $"best {CostUnits.ToYuan(cost).ToString("N2", CultureInfo.InvariantCulture)} yuan, {p.BestRoutes} routes" +
                              (p.BestUnassigned > 0 ? $", {p.BestUnassigned} stops left out" : "")
                            : "searching for a first plan";
                    }
                }
                outcome = await solve;
                task.Value = task.MaxValue;
            });
        return (outcome!.Value.Plan, outcome.Value.Result.IsFeasible);
    }

    private static Table PlanSummary(Plan plan)
    {
        var t = plan.Totals;
        var table = new Table().Title($"Plan for {plan.Date:yyyy-MM-dd}").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("engine", plan.Engine);
        table.AddRow("routes", t.Routes.ToString(CultureInfo.InvariantCulture));
        table.AddRow("stops", t.Stops.ToString(CultureInfo.InvariantCulture));
        table.AddRow("orders served", t.Orders.ToString(CultureInfo.InvariantCulture));
        table.AddRow("cartons", t.Cartons.ToString(CultureInfo.InvariantCulture));
        table.AddRow("distance (km)", t.DistanceKm.ToString("N1", CultureInfo.InvariantCulture));
        table.AddRow("driving + service (h)", t.DurationHours.ToString("N1", CultureInfo.InvariantCulture));
        table.AddRow("cost (yuan)", t.Cost.ToString("N2", CultureInfo.InvariantCulture));
        table.AddRow("orders left out", $"{t.UnassignedOrders} ({t.UnassignedCartons} cartons)");
        foreach (var (reason, count) in t.UnassignedByReason) table.AddRow($"  reason: {reason}", count.ToString(CultureInfo.InvariantCulture));
        foreach (var (tier, count) in t.UnassignedByTier) table.AddRow($"  tier {tier}", count.ToString(CultureInfo.InvariantCulture));
        if (!plan.TierPriorityStrict) table.AddRow("[yellow]tier priority[/]", "[yellow]approximate (day too large for strict prizes)[/]");
        foreach (var note in plan.Notes) table.AddRow("note", Markup.Escape(note));
        return table;
    }

    /// <summary>Keeps only the latest report: the display polls it rather than being called on the solver's thread.</summary>
    private sealed class LatestProgress : IProgress<SolverProgress>
    {
        private volatile SolverProgress? _value;
        public SolverProgress? Value => _value;
        public void Report(SolverProgress value) => _value = value;
    }
}
