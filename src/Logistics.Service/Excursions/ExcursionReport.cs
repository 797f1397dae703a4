using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Logistics.Core.Csv;

namespace Logistics.Service.Excursions;

/// <summary>An excursion and its affected deliveries for people: CSV for spreadsheets, a page for print.</summary>
public static class ExcursionReport
{
    private static readonly string[] Columns =
    [
        "excursion_id", "truck", "sensor", "quantity", "severity", "level", "band_min", "band_max", "start", "end", "duration_minutes",
        "peak", "mkt_c", "plan_id", "route_id", "sequence", "store_id", "store_name", "tier", "order_ids", "cartons", "planned_arrival",
        "actual_arrival", "actual_source", "on_board_from", "on_board_until", "exposure_minutes",
    ];

    /// <summary>The excursion's own columns, repeated on every row (excursion_id … route_id).</summary>
    private const int HeadColumns = 15;

    /// <summary>One row per affected delivery, each repeating the excursion's columns; one row without delivery
    /// columns when none was affected, so the file always names the excursion. Instants in UTC.</summary>
    public static string Csv(AffectedDeliveries report)
    {
        var e = report.Excursion;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvCellWriter(text);
        void Head() => csv.Text(e.Id.ToString()).Text(e.Truck).Text(e.Sensor).Text(e.Quantity).Text(e.Severity).Text(e.Band.Level)
            .Number(e.Band.Min).Number(e.Band.Max).Text(Instant(e.Start)).Text(Instant(e.End)).Number(e.DurationMinutes).Number(e.Peak)
            .Number(e.MeanKineticTemperatureC).Text(report.PlanId).Text(report.RouteId);
        csv.Texts(Columns).EndRow();
        if (report.Deliveries.Count == 0)
        {
            Head();
            for (var i = HeadColumns; i < Columns.Length; i++) csv.Text("");
            csv.EndRow();
        }
        foreach (var d in report.Deliveries)
        {
            Head();
            csv.Number(d.Sequence).Text(d.StoreId).Text(d.StoreName).Number(d.Tier).Text(string.Join(';', d.OrderIds)).Number(d.Cartons)
                .Text(Instant(d.PlannedArrival)).Text(Instant(d.ActualArrival)).Text(d.ActualSource).Text(Instant(d.OnBoardFrom))
                .Text(Instant(d.OnBoardUntil)).Number(d.ExposureMinutes).EndRow();
        }
        return text.ToString();
    }

    /// <summary>A self-contained page (inline CSS, no script) with times in the site's zone; every value is HTML-encoded.</summary>
    public static string Html(AffectedDeliveries report, TimeZoneInfo zone)
    {
        var e = report.Excursion;
        var h = HtmlEncoder.Default;
        string Local(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "ongoing";
        var unit = e.Quantity == "temperature" ? "°C" : "% RH";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"/favicon.ico\"><title>Excursion ")
            .Append(h.Encode(e.Id.ToString())).Append("</title><style>")
            .Append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #999;padding:.25em .5em;text-align:left}th{background:#eee}.num{text-align:right}")
            .Append("@media print{body{margin:0;font-size:11pt}th{background:none}tr{break-inside:avoid}.noprint{display:none}}")
            .Append("</style></head><body>");
        html.Append("<h1>Excursion report: ").Append(h.Encode(e.Truck)).Append(" / ").Append(h.Encode(e.Sensor)).Append("</h1>");
        html.Append("<p>Times in ").Append(h.Encode(zone.Id)).Append(". Excursion id ").Append(h.Encode(e.Id.ToString())).Append(".</p><table>");
        void Row(string name, string value) => html.Append("<tr><th>").Append(h.Encode(name)).Append("</th><td>").Append(h.Encode(value)).Append("</td></tr>");
        Row("Quantity", e.Quantity);
        Row("Severity of the alert", e.Severity);
        Row("Band crossed", $"{e.Band.Level}: {Number(e.Band.Min)} … {Number(e.Band.Max)} {unit}");
        Row("Start", Local(e.Start));
        Row("End", Local(e.End));
        Row("Duration", $"{Number(e.DurationMinutes)} min");
        Row("Peak", $"{Number(e.Peak)} {unit} at {Local(e.PeakAt)}");
        if (e.MeanKineticTemperatureC is { } mkt) Row("Mean kinetic temperature", $"{Number(mkt)} °C (ΔH/R = 10,000 K)");
        Row("Cargo profile", e.Profile);
        Row("Plan / route", report.PlanId is null ? "no published route covers the excursion" : $"{report.PlanId} / {report.RouteId}");
        html.Append("</table><h2>Affected deliveries (").Append(report.Deliveries.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>");
        if (report.Deliveries.Count == 0)
        {
            html.Append("<p>No delivery was on board during the excursion.</p>");
        }
        else
        {
            html.Append("<table><thead><tr>");
            foreach (var c in new[] { "#", "Store", "Name", "Tier", "Orders", "Cartons", "Planned arrival", "Actual arrival", "Source", "On board from", "On board until", "Exposure (min)" })
                html.Append("<th>").Append(h.Encode(c)).Append("</th>");
            html.Append("</tr></thead><tbody>");
            foreach (var d in report.Deliveries)
            {
                html.Append("<tr>");
                foreach (var (value, numeric) in new[]
                         {
                             (d.Sequence.ToString(CultureInfo.InvariantCulture), true), (d.StoreId, false), (d.StoreName, false),
                             (d.Tier.ToString(CultureInfo.InvariantCulture), true), (string.Join(", ", d.OrderIds), false),
                             (d.Cartons.ToString(CultureInfo.InvariantCulture), true), (Local(d.PlannedArrival), false),
                             (d.ActualArrival is null ? "—" : Local(d.ActualArrival), false), (d.ActualSource, false), (Local(d.OnBoardFrom), false),
                             (Local(d.OnBoardUntil), false), (Number(d.ExposureMinutes), true),
                         })
                    html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(h.Encode(value)).Append("</td>");
                html.Append("</tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("<p class=\"noprint\"><button onclick=\"window.print()\">Print</button></p></body></html>");
        return html.ToString();
    }

    private static string Instant(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string Number(double? n) => n is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";
}
