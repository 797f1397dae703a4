using Logistics.Data.Forecasts;
using Logistics.Forecasting;
using Logistics.Service.Api;

namespace Logistics.Service.Forecasts;

/// <summary>The body of POST /api/forecasts read field by field (every wrong field named with its value), and the
/// saved options turned back into the library's <see cref="ForecastOptions"/> when the job runs.</summary>
public static class ForecastRequest
{
    public const int DefaultHorizon = 8, MaxHorizon = 104, DefaultOrigins = 4, MaxOrigins = 24, DefaultSeed = 42;

    internal static ForecastJobOptions? Read(RequestBody body)
    {
        var horizon = body.Int("horizon") ?? DefaultHorizon;
        if (horizon is < 1 or > MaxHorizon && !body.Errors.ContainsKey("horizon"))
            body.Add("horizon", $"'{horizon}' is out of range; give 1 to {MaxHorizon} future periods (default {DefaultHorizon})");
        var periodText = body.String("period");
        string? period = null;
        if (!string.IsNullOrWhiteSpace(periodText))
        {
            if (Periods.TryParse(periodText, out var p)) period = p.Name();
            else body.Add("period", $"'{periodText}' is not a period; use day, week, month or quarter, or leave it out to infer it from the history's dates");
        }
        var missingText = body.String("missing");
        var missing = "zero";
        if (!string.IsNullOrWhiteSpace(missingText))
        {
            if (Enum.TryParse<MissingValues>(missingText.Trim(), ignoreCase: true, out var m) && missingText.All(char.IsAsciiLetter)) missing = ApiNames.Of(m);
            else body.Add("missing", $"'{missingText}' is not a way to fill gaps; use zero (nothing was ordered, the default) or interpolate");
        }
        var methodTexts = body.Strings("methods");
        List<string>? methods = null;
        if (methodTexts is not null)
        {
            methods = [];
            foreach (var text in methodTexts)
            {
                if (ForecastMethods.TryParse(text, out var method)) methods.Add(method.Name());
                else body.Add("methods", $"'{text}' is not a method; use {string.Join(", ", ForecastMethods.All.Select(x => x.Name()))}");
            }
            if (methodTexts.Count == 0) body.Add("methods", "'[]' names no method; leave it out for all of them");
        }
        var origins = body.Int("origins") ?? DefaultOrigins;
        if (origins is < 1 or > MaxOrigins && !body.Errors.ContainsKey("origins"))
            body.Add("origins", $"'{origins}' is out of range; give 1 to {MaxOrigins} backtest origins (default {DefaultOrigins})");
        var seed = body.Int("seed") ?? DefaultSeed;
        return body.Any ? null : new ForecastJobOptions(horizon, period, missing, methods, origins, seed);
    }

    public static ForecastOptions ToOptions(ForecastJobOptions o) => new()
    {
        Horizon = o.Horizon,
        Period = o.Period is { } p && Periods.TryParse(p, out var period) ? period : null,
        Missing = Enum.Parse<MissingValues>(o.Missing, ignoreCase: true),
        Methods = o.Methods is { } names ? names.Select(n => ForecastMethods.TryParse(n, out var m) ? m : throw new ArgumentException($"unknown method '{n}'")).ToArray() : ForecastMethods.All,
        Origins = o.Origins,
        Seed = o.Seed,
    };
}
