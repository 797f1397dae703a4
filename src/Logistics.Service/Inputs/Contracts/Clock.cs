using System.Globalization;
using Logistics.Core;

namespace Logistics.Service.Inputs.Contracts;

/// <summary>Clock times as the API writes and reads them: "HH:mm", with seconds only when there are some.</summary>
public static class Clock
{
    private static readonly string[] Formats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    public static string Format(TimeOnly time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Window(TimeWindow window) => $"{Format(window.Start)}-{Format(window.End)}";

    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
