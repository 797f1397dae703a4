using Logistics.Forecasting.History;
using Logistics.Forecasting.Output;

namespace Logistics.Forecasting.Tests;

public class ForecasterTests
{
    /// <summary>Monthly series with a fixed yearly pattern, so that the seasonal naive forecast is exact.</summary>
    private static OrderHistory Seasonal(string id, int months, double level)
    {
        double[] pattern = [1.3, 0.7, 1.0, 1.0, 1.3, 1.0, 1.0, 1.0, 1.0, 1.3, 1.0, 0.7];
        return new OrderHistory(Enumerable.Range(0, months).Select(i =>
            new HistoryPoint(id, new DateOnly(2018, 1, 1).AddMonths(i), level * pattern[i % 12])));
    }

    [Fact]
    public void A_repeating_season_is_forecast_exactly_with_the_dates_after_the_history()
    {
        var result = Forecaster.Run(Seasonal("S1", 60, 100), new ForecastOptions { Horizon = 3, Methods = [ForecastMethod.SeasonalNaive] });
        Assert.Equal(Period.Month, result.Period);
        var s = Assert.Single(result.Series);
        Assert.Equal("seasonal-naive", s.Method);
        Assert.Equal([new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 1), new DateOnly(2023, 3, 1)], s.Points.Select(p => p.Date));
        Assert.Equal([130, 70, 100], s.Points.Select(p => Math.Round(p.Forecast, 6)));
    }

    [Fact]
    public void The_forecast_does_not_depend_on_the_number_of_threads()
    {
        var random = new Random(7);
        var history = new OrderHistory(Enumerable.Range(0, 12).SelectMany(k => Seasonal($"S{k}", 48, 50 + 10 * k).Points
            .Select(p => p with { Quantity = Math.Round(p.Quantity * (0.8 + 0.4 * random.NextDouble()) + k * p.Date.Year % 7) })));
        ForecastResult Run(int threads) => Forecaster.Run(history, new ForecastOptions { Horizon = 3, Threads = threads });

        var one = Run(1);
        var three = Run(3);
        Assert.Equal(one.Series.Select(s => s.Method), three.Series.Select(s => s.Method));
        foreach (var method in new[] { "ets", "arima", "boosted", "combination" })
            Assert.Contains(one.Scores, x => x.Method == method && double.IsFinite(x.Mase)); // every kind of method ran, the global one too
        Assert.Equal(one.Series.SelectMany(s => s.Points).Select(p => (p.Forecast, p.Lower80, p.Upper95)),
            three.Series.SelectMany(s => s.Points).Select(p => (p.Forecast, p.Lower80, p.Upper95)));
        Assert.Equal(one.Scores.Select(x => (x.Series, x.Method, x.Mase)), three.Scores.Select(x => (x.Series, x.Method, x.Mase)));
        Assert.Equal(one.DepotTotal.Points.Select(p => p.Forecast), three.DepotTotal.Points.Select(p => p.Forecast));
    }

    [Fact]
    public void With_fewer_than_ten_series_the_boosted_model_is_not_run_and_the_output_says_why()
    {
        var history = new OrderHistory(Seasonal("A", 48, 100).Points.Concat(Seasonal("B", 48, 50).Points));
        var result = Forecaster.Run(history, new ForecastOptions { Horizon = 2 });
        Assert.DoesNotContain(result.Methods, m => m.Method == "boosted");
        Assert.Contains(result.Notes, n => n.Contains("boosted model was not run") && n.Contains("with 2 to backtest") && n.Contains("ets-arima"));
        Assert.All(result.Series, s => Assert.Contains(s.Method, new[] { "ets-arima", "ets" })); // the anchor (ARIMA cannot fit an exact season)

        var alone = Forecaster.Run(history, new ForecastOptions { Horizon = 2, Methods = [ForecastMethod.Boosted] });
        Assert.Contains(alone.Methods, m => m.Method == "boosted"); // asked for alone, it runs
    }

    [Fact]
    public void Depot_total_is_the_sum_of_the_series()
    {
        var history = new OrderHistory(Seasonal("A", 48, 100).Points.Concat(Seasonal("B", 48, 50).Points));
        var result = Forecaster.Run(history, new ForecastOptions { Horizon = 2 });
        for (var h = 0; h < 2; h++)
            Assert.Equal(result.Series.Sum(s => s.Points[h].Forecast), result.DepotTotal.Points[h].Forecast, 6);
        Assert.Equal(ForecastResult.DepotTotalId, result.DepotTotal.Series);
    }

    [Fact]
    public void A_short_series_falls_back_and_says_why()
    {
        var history = new OrderHistory(Seasonal("old", 48, 100).Points.Concat(
            [new HistoryPoint("new", new DateOnly(2021, 10, 1), 8), new HistoryPoint("new", new DateOnly(2021, 12, 1), 12)]));
        var result = Forecaster.Run(history, new ForecastOptions { Horizon = 2 });
        var fresh = result.Series.Single(s => s.Series == "new");
        Assert.Equal(ForecastMethods.FallbackName, fresh.Method);
        Assert.Contains("only 3 periods of history", fresh.Note);
        Assert.Equal(20.0 / 3, fresh.Points[0].Forecast, 6);
        Assert.Null(result.Series.Single(s => s.Series == "old").Note);
    }

    [Fact]
    public void The_csv_has_one_row_per_series_and_period_and_neutralises_formulas()
    {
        var result = Forecaster.Run(Seasonal("=cmd()", 36, 10), new ForecastOptions { Horizon = 2, Methods = [ForecastMethod.SeasonalNaive] });
        var writer = new StringWriter();
        ForecastCsv.Write(result, writer);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("series,date,forecast,lower80,upper80,lower95,upper95,method", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("'=cmd(),2021-01-01,13,", lines[1]);
        Assert.EndsWith(",seasonal-naive", lines[1]);
        Assert.StartsWith("(depot total),2021-01-01,13,", lines[3]);
    }

    /// <summary>Orders every day from Monday 2024-01-01, 10 cartons each day, through <paramref name="last"/>.</summary>
    private static IEnumerable<HistoryPoint> Daily(string id, DateOnly last, double perDay = 10)
    {
        for (var d = new DateOnly(2024, 1, 1); d <= last; d = d.AddDays(1)) yield return new HistoryPoint(id, d, perDay);
    }

    [Fact]
    public void A_history_ending_inside_a_week_forecasts_that_week_whole_instead_of_reading_it_as_a_low_week()
    {
        // 2025-03-12 is a Wednesday: the week of 2025-03-10 has three days of orders (30 cartons) of its 70.
        var history = new OrderHistory(Daily("A", new DateOnly(2025, 3, 12)).Concat(Daily("B", new DateOnly(2025, 3, 12), 20)));
        var result = Forecaster.Run(history, new ForecastOptions { Horizon = 2, Period = Period.Week });
        var a = result.Series.Single(s => s.Series == "A");
        Assert.Equal(new DateOnly(2025, 3, 10), a.Points[0].Date);
        Assert.Equal(new DateOnly(2025, 3, 3), a.History[^1].Date);
        Assert.Equal(70, a.History[^1].Quantity);
        Assert.Equal(70, a.Points[0].Forecast, 0);
        var note = Assert.Single(result.Notes);
        Assert.Contains("ends on 2025-03-12, inside the week of 2025-03-10", note);
    }

    [Fact]
    public void A_history_ending_on_the_last_day_of_its_week_keeps_that_week()
    {
        var history = new OrderHistory(Daily("A", new DateOnly(2025, 3, 16)));
        var result = Forecaster.Run(history, new ForecastOptions { Horizon = 1, Period = Period.Week, Methods = [ForecastMethod.SeasonalNaive] });
        Assert.Equal(new DateOnly(2025, 3, 17), result.Series[0].Points[0].Date);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Monthly_totals_dated_on_their_first_day_are_whole_months()
    {
        var result = Forecaster.Run(Seasonal("S1", 40, 100), new ForecastOptions { Horizon = 1, Methods = [ForecastMethod.SeasonalNaive] });
        Assert.Empty(result.Notes);
        Assert.Equal(new DateOnly(2021, 5, 1), result.Series[0].Points[0].Date);
    }

    [Fact]
    public void A_store_that_stopped_ordering_is_forecast_zero_and_left_out_of_the_backtest()
    {
        // "closed" ordered like "open" for two years, then nothing for the last four months.
        var open = Seasonal("open", 48, 100).Points;
        var closed = Seasonal("closed", 44, 50).Points;
        var result = Forecaster.Run(new OrderHistory(open.Concat(closed)), new ForecastOptions { Horizon = 2 });
        var c = result.Series.Single(s => s.Series == "closed");
        Assert.Equal(ForecastMethods.InactiveName, c.Method);
        Assert.Contains("no orders since the month of 2021-08-01", c.Note);
        Assert.All(c.Points, p => Assert.Equal(0, p.Upper95));
        Assert.DoesNotContain(result.Scores, s => s.Series == "closed");
        Assert.Equal(1, result.Inactive);
        Assert.Equal(0, result.Fallbacks);
        Assert.Equal(result.Series.Single(s => s.Series == "open").Points[0].Forecast, result.DepotTotal.Points[0].Forecast, 6);
    }

    [Fact]
    public void A_fortnight_closed_for_the_festival_is_not_a_store_that_stopped()
    {
        // Weekly orders for two years, then the last two weeks empty: short of eight weeks, so still ordering.
        var points = Enumerable.Range(0, 104).Select(i => new HistoryPoint("S", new DateOnly(2024, 1, 1).AddDays(7 * i), i >= 102 ? 0 : 40));
        var result = Forecaster.Run(new OrderHistory(points), new ForecastOptions { Horizon = 2, Period = Period.Week, Methods = [ForecastMethod.SeasonalNaive, ForecastMethod.Ets] });
        Assert.NotEqual(ForecastMethods.InactiveName, result.Series[0].Method);
        Assert.Equal(0, result.Inactive);
    }

    [Fact]
    public void A_lone_series_keeps_the_mean_of_ets_and_arima_whose_backtest_is_the_mean_of_theirs()
    {
        // A trending season with noise: no method is exact, so the per-series choice has nothing to go on but the
        // anchor rule, and the ETS–ARIMA mean's backtest must be exactly the mean of its members' backtests.
        var random = new Random(8);
        double[] pattern = [1.3, 0.7, 1.0, 1.0, 1.3, 1.0, 1.0, 1.0, 1.0, 1.3, 1.0, 0.7];
        var points = Enumerable.Range(0, 72).Select(i => new HistoryPoint("S", new DateOnly(2018, 1, 1).AddMonths(i),
            (200 + 3 * i) * pattern[i % 12] * (1 + 0.1 * (random.NextDouble() - 0.5))));
        var result = Forecaster.Run(new OrderHistory(points),
            new ForecastOptions { Horizon = 6, Methods = [ForecastMethod.SeasonalNaive, ForecastMethod.Ets, ForecastMethod.Arima, ForecastMethod.EtsArima] });
        Assert.Equal("ets-arima", Assert.Single(result.Series).Method);
        Assert.Equal(["seasonal-naive", "ets", "arima", "ets-arima"], result.Methods.Select(m => m.Method));
        // |a − (e + r) / 2| ≤ (|a − e| + |a − r|) / 2 at every point, so the mean's MASE is at most its members' mean,
        // with equality only where both err on the same side everywhere.
        var mase = result.Scores.ToDictionary(x => x.Method, x => x.Mase);
        Assert.True(mase["ets-arima"] <= (mase["ets"] + mase["arima"]) / 2 + 1e-12);
        Assert.NotEqual(mase["ets"], mase["arima"]);
        // Without ARIMA in the run, ETS is kept as before.
        var etsOnly = Forecaster.Run(new OrderHistory(points), new ForecastOptions { Horizon = 6, Methods = [ForecastMethod.SeasonalNaive, ForecastMethod.Ets] });
        Assert.Equal("ets", Assert.Single(etsOnly.Series).Method);
    }

    /// <summary>Monthly series whose yearly pattern changes for good at month <paramref name="switchAt"/>: seasonal naive
    /// follows the new pattern after a year, ETS's seasonal states learn it slowly.</summary>
    private static OrderHistory Switching(string id, int months, double level, int switchAt)
    {
        double[] before = [1.3, 0.7, 1.0, 1.0, 1.3, 1.0, 1.0, 1.0, 1.0, 1.3, 1.0, 0.7];
        double[] after = [1.0, 1.0, 1.3, 0.7, 1.0, 1.0, 1.3, 1.0, 0.7, 1.0, 1.3, 1.0];
        return new OrderHistory(Enumerable.Range(0, months).Select(i =>
            new HistoryPoint(id, new DateOnly(2018, 1, 1).AddMonths(i), level * (i < switchAt ? before : after)[i % 12])));
    }

    [Fact]
    public void Another_method_replaces_ets_only_on_the_evidence_of_many_series()
    {
        // The pattern changed 18 months before the end: over the backtest's origins seasonal naive errs about a quarter
        // less than ETS, more than the 10% a challenger needs and less than the half the baseline needs on its own. On 3
        // series that is no evidence that seasonal naive is the better method (a few overlapping origins of one
        // series); on 12 it is.
        var options = new ForecastOptions { Horizon = 3, Methods = [ForecastMethod.SeasonalNaive, ForecastMethod.Ets] };
        OrderHistory Many(int count) => new(Enumerable.Range(0, count).SelectMany(i => Switching($"S{i}", 60, 100 + 10 * i, 42).Points));
        var few = Forecaster.Run(Many(3), options);
        Assert.All(few.Series, s => Assert.Equal("ets", s.Method));
        var mase = few.Scores.Where(x => x.Series == "S0").ToDictionary(x => x.Method, x => x.Mase);
        Assert.InRange(mase["seasonal-naive"] / mase["ets"], 1 - Forecaster.BaselineMargin, 1 - Forecaster.ChallengerMargin);
        var many = Forecaster.Run(Many(12), options);
        Assert.All(many.Series, s => Assert.Equal("seasonal-naive", s.Method));
    }

    [Fact]
    public void Seasonal_naive_replaces_the_models_on_a_lone_series_where_they_err_twice_as_much()
    {
        // The pattern changed two years before the end: seasonal naive has the new one right at every origin, ETS does
        // not yet (the frozen river and UK inflation of the public benchmark were such series).
        var result = Forecaster.Run(Switching("S", 60, 100, 36), new ForecastOptions { Horizon = 3 });
        Assert.Equal("seasonal-naive", Assert.Single(result.Series).Method);
        var mase = result.Scores.ToDictionary(x => x.Method, x => x.Mase);
        Assert.True(mase["seasonal-naive"] < (1 - Forecaster.BaselineMargin) * mase["ets-arima"]);
    }

    [Fact]
    public void The_choice_keeps_the_anchor_unless_a_method_clears_its_margin()
    {
        static (ForecastMethod, (double, double)) Scored(ForecastMethod method, double mase) => (method, (mase, 0));
        var mean = Scored(ForecastMethod.EtsArima, 1.0);
        HashSet<ForecastMethod> none = [], boosted = [ForecastMethod.Boosted];
        // Seasonal naive alone: it must halve the anchor's error.
        Assert.Equal(ForecastMethod.SeasonalNaive, Forecaster.Choose([mean, Scored(ForecastMethod.SeasonalNaive, 0.45)], 6, ForecastMethod.EtsArima, none));
        Assert.Equal(ForecastMethod.EtsArima, Forecaster.Choose([mean, Scored(ForecastMethod.SeasonalNaive, 0.6)], 6, ForecastMethod.EtsArima, none));
        // A challenger (better over many series) needs 10%; of several that clear their margins, the lowest error.
        Assert.Equal(ForecastMethod.Boosted, Forecaster.Choose([mean, Scored(ForecastMethod.Boosted, 0.85)], 6, ForecastMethod.EtsArima, boosted));
        Assert.Equal(ForecastMethod.EtsArima, Forecaster.Choose([mean, Scored(ForecastMethod.Boosted, 0.95)], 6, ForecastMethod.EtsArima, boosted));
        Assert.Equal(ForecastMethod.SeasonalNaive, Forecaster.Choose(
            [mean, Scored(ForecastMethod.Boosted, 0.5), Scored(ForecastMethod.SeasonalNaive, 0.4)], 6, ForecastMethod.EtsArima, boosted));
        // Too few origins: the anchor, whatever the others scored.
        Assert.Equal(ForecastMethod.EtsArima, Forecaster.Choose([mean, Scored(ForecastMethod.SeasonalNaive, 0.1)], 3, ForecastMethod.EtsArima, none));
        // No anchor: the lowest error.
        Assert.Equal(ForecastMethod.SeasonalNaive, Forecaster.Choose(
            [Scored(ForecastMethod.Arima, 0.9), Scored(ForecastMethod.SeasonalNaive, 0.8)], 6, null, none));
    }

    [Fact]
    public void A_series_too_short_to_backtest_but_long_enough_to_fit_gets_ets_and_says_so()
    {
        var result = Forecaster.Run(Seasonal("young", 30, 100), new ForecastOptions { Horizon = 12 });
        var s = Assert.Single(result.Series);
        Assert.Equal("ets", s.Method);
        Assert.Contains("only 30 periods of history (a backtest needs 38)", s.Note);
        Assert.Contains("chosen by AICc among seasonal models", s.Note);
        Assert.EndsWith("intervals from its own one-step errors", s.Note);
        Assert.All(s.Points, p => Assert.True(p.Lower95 <= p.Lower80 && p.Lower80 <= p.Forecast && p.Forecast <= p.Upper80 && p.Upper80 <= p.Upper95));
        Assert.Equal(1, result.Fallbacks);
    }

    [Fact]
    public void Two_years_of_a_plainly_seasonal_series_get_a_seasonal_model_not_a_flat_line()
    {
        // Winter peaks and summer troughs of ±35% around a level that wanders, with 6% noise: two seasons only,
        // where AICc alone charges eleven seasonal states against 24 observations.
        double[] pattern = [1.35, 1.25, 1.1, 0.95, 0.85, 0.75, 0.7, 0.72, 0.8, 0.95, 1.1, 1.3];
        var random = new Random(3);
        var level = 2000.0;
        var points = new List<HistoryPoint>();
        for (var i = 0; i < 24; i++)
        {
            level *= 1 + 0.04 * (random.NextDouble() - 0.5);
            points.Add(new HistoryPoint("young", new DateOnly(2019, 1, 1).AddMonths(i), level * pattern[i % 12] * (1 + 0.12 * (random.NextDouble() - 0.5))));
        }

        var s = Assert.Single(Forecaster.Run(new OrderHistory(points), new ForecastOptions { Horizon = 12 }).Series);

        Assert.Contains("among seasonal models (season strength", s.Note);
        // The forecast keeps the season: January well above July.
        var january = s.Points.Single(p => p.Date.Month == 1).Forecast;
        var july = s.Points.Single(p => p.Date.Month == 7).Forecast;
        Assert.True(january > 1.5 * july, $"January {january:0} against July {july:0}: {s.Note}");
    }
}
