using System.CommandLine;
using System.Globalization;
using Logistics.Core.Csv;
using Logistics.Forecasting;
using Logistics.Forecasting.History;
using Logistics.Forecasting.Output;

namespace Logistics.Cli.Commands;

/// <summary>`logistics forecast`: order history in, next periods' forecast per series and for the depot out, with
/// the backtest that chose each series' method. Only wiring: the work is in <see cref="Forecaster"/>.</summary>
internal static class ForecastCommand
{
    /// <summary>Bad input: unreadable or refused history, an option out of range.</summary>
    public const int InputErrorExitCode = 2;

    public static Command Create()
    {
        var history = new Option<FileInfo>("--history") { Description = "history CSV: series,date,quantity (or store_id,date,cartons), dates yyyy-MM-dd", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "future periods to forecast", Required = true };
        var period = new Option<string?>("--period") { Description = "day, week, month or quarter; default: inferred from the dates" };
        var missing = new Option<string>("--missing") { Description = "a period without rows inside a series: zero (orders, default) or interpolate", DefaultValueFactory = _ => "zero" };
        var methods = new Option<string?>("--methods") { Description = "comma-separated methods to choose from: seasonal-naive, ets, arima, ets-arima, boosted, tsb, combination (default: all)" };
        var origins = new Option<int>("--origins") { Description = "rolling origins of the backtest", DefaultValueFactory = _ => new ForecastOptions().Origins };
        var threads = new Option<int>("--threads") { Description = "threads for the backtest's origins and the methods (the forecast does not depend on it)", DefaultValueFactory = _ => new ForecastOptions().Threads };
        var output = new Option<FileInfo>("--out") { Description = "forecast CSV: series,date,forecast,lower80,upper80,lower95,upper95,method", Required = true };
        var backtest = new Option<FileInfo?>("--backtest") { Description = "also write the backtest report CSV (per series and method: MASE, sMAPE; per method: coverage, time)" };
        var command = new Command("forecast", "Forecast the next periods of every series of an order history and of the depot total, each series with the method its backtest chose.")
        {
            history, horizon, period, missing, methods, origins, threads, output, backtest,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = Options(parse.GetValue(horizon), parse.GetValue(period), parse.GetValue(missing)!, parse.GetValue(methods),
                parse.GetValue(origins), parse.GetValue(threads), stderr);
            if (options is null) return Task.FromResult(InputErrorExitCode);

            var path = parse.GetRequiredValue(history).FullName;
            OrderHistory orders;
            try
            {
                orders = HistoryCsv.Read(path);
            }
            catch (Exception e) when (e is InputValidationException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(e.Message);
                return Task.FromResult(InputErrorExitCode);
            }

            var progress = new ForecastProgressWriter(stderr);
            var result = Forecaster.Run(orders, options, progress, cancellationToken);
            progress.Finish();
            ForecastCsv.Write(result, parse.GetRequiredValue(output).FullName);
            if (parse.GetValue(backtest) is { } report) BacktestCsv.Write(result, report.FullName);
            WriteSummary(result, stdout);
            foreach (var note in result.Notes) stderr.WriteLine($"{Path.GetFileName(path)}: {note}");
            foreach (var s in result.Series.Where(s => s.Note is not null))
                stderr.WriteLine($"{Path.GetFileName(path)}: series '{s.Series}': {s.Note}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static ForecastOptions? Options(int horizon, string? periodText, string missingText, string? methodsText, int origins, int threads, TextWriter stderr)
    {
        if (horizon < 1)
        {
            stderr.WriteLine($"--horizon: '{horizon}' must be at least 1 period");
            return null;
        }
        if (origins < 1)
        {
            stderr.WriteLine($"--origins: '{origins}' must be at least 1");
            return null;
        }
        if (threads is < 1 or > 64)
        {
            stderr.WriteLine($"--threads: '{threads}' must be from 1 to 64");
            return null;
        }
        Period? period = null;
        if (periodText is not null)
        {
            if (!Periods.TryParse(periodText, out var p))
            {
                stderr.WriteLine($"--period: '{periodText}' is not one of day, week, month, quarter");
                return null;
            }
            period = p;
        }
        MissingValues missing;
        switch (missingText.Trim().ToLowerInvariant())
        {
            case "zero": missing = MissingValues.Zero; break;
            case "interpolate": missing = MissingValues.Interpolate; break;
            default:
                stderr.WriteLine($"--missing: '{missingText}' is not zero or interpolate");
                return null;
        }
        var chosen = ForecastMethods.All;
        if (methodsText is not null)
        {
            var list = new List<ForecastMethod>();
            foreach (var name in methodsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ForecastMethods.TryParse(name, out var method))
                {
                    stderr.WriteLine($"--methods: '{name}' is not one of {string.Join(", ", ForecastMethods.All.Select(m => m.Name()))}");
                    return null;
                }
                list.Add(method);
            }
            if (list.Count == 0)
            {
                stderr.WriteLine("--methods: name at least one method");
                return null;
            }
            chosen = list;
        }
        return new ForecastOptions { Horizon = horizon, Period = period, Missing = missing, Methods = chosen, Origins = origins, Threads = threads };
    }

    /// <summary>The table a planner reads: per method its backtest accuracy, relative to seasonal naive, and how
    /// often its intervals held; then the depot total.</summary>
    private static void WriteSummary(ForecastResult result, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        var seriesCount = result.Series.Count;
        var (fallback, inactive) = (result.Fallbacks, result.Inactive);
        stdout.WriteLine(string.Create(c, $"{seriesCount} series, period {result.Period.Name()}, horizon {result.Horizon}; " +
            $"{seriesCount - fallback - inactive} backtested{(fallback > 0 ? $", {fallback} too short for a backtest" : "")}" +
            $"{(inactive > 0 ? $", {inactive} stopped ordering (zero)" : "")}; {result.Elapsed.TotalSeconds:0.0} s"));
        var baseline = result.Methods.FirstOrDefault(m => m.Method == ForecastMethod.SeasonalNaive.Name());
        stdout.WriteLine($"{"method",-16}{"series",7}{"chosen",7}{"MASE",8}{"vs snaive",10}{"sMAPE %",9}{"cover80",9}{"cover95",9}{"seconds",9}");
        foreach (var m in result.Methods)
        {
            var relative = baseline is null || double.IsNaN(baseline.MeanMase) || baseline.MeanMase == 0 ? "" : Number(m.MeanMase / baseline.MeanMase, "0.000");
            stdout.WriteLine(string.Create(c,
                $"{m.Method,-16}{m.Series,7}{m.Chosen,7}{Number(m.MeanMase, "0.000"),8}{relative,10}{Number(m.MeanSmape, "0.0"),9}{Number(m.Coverage80, "P0"),9}{Number(m.Coverage95, "P0"),9}{m.Time.TotalSeconds,9:0.00}"));
        }
        var total = result.DepotTotal;
        if (total.Points.Count > 0)
        {
            var first = total.Points[0];
            stdout.WriteLine(string.Create(c,
                $"depot total {first.Date:yyyy-MM-dd}: {first.Forecast:0} (80% {first.Lower80:0}–{first.Upper80:0}, 95% {first.Lower95:0}–{first.Upper95:0})"));
        }
        stdout.Flush();
    }

    /// <summary>A score, or "-" where the method scored no series (TSB on a history without intermittent stores).</summary>
    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
