using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>Reads <c>--fault</c> values:
/// <code>
/// KIND:TRUCK@START[+DURATION]          reefer-failure, humidity-spike, sensor-fault, silent, malformed
/// clock-skew:TRUCK:OFFSET[@START]      OFFSET signed, e.g. +7m or -90s
/// </code>
/// START, DURATION and OFFSET are simulated time (<see cref="SimulatedDuration"/>); a bare number is minutes.</summary>
public static class FaultParser
{
    public const string Syntax = "KIND:TRUCK@START[+DURATION] or clock-skew:TRUCK:±OFFSET[@START]";

    private static readonly (string Name, FaultKind Kind)[] Kinds =
    [
        ("reefer-failure", FaultKind.ReeferFailure),
        ("humidity-spike", FaultKind.HumiditySpike),
        ("sensor-fault", FaultKind.SensorFault),
        ("silent", FaultKind.Silent),
        ("clock-skew", FaultKind.ClockSkew),
        ("malformed", FaultKind.Malformed),
    ];

    /// <summary>What a fault lasts when no +DURATION is given (null: until the end; for malformed: 4 messages).</summary>
    public static TimeSpan? DefaultDuration(FaultKind kind) => kind switch
    {
        FaultKind.HumiditySpike or FaultKind.Silent => TimeSpan.FromMinutes(10),
        _ => null,
    };

    public static string Name(FaultKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <exception cref="FaultSyntaxException">The text does not follow <see cref="Syntax"/>.</exception>
    public static Fault Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0) throw Error(text, $"expected {Syntax}");
        var kindName = text[..colon].Trim();
        var kind = Kinds.FirstOrDefault(k => k.Name.Equals(kindName, StringComparison.OrdinalIgnoreCase));
        if (kind.Name is null)
            throw Error(text, $"unknown kind '{kindName}' (expected one of {string.Join(", ", Kinds.Select(k => k.Name))})");
        var rest = text[(colon + 1)..];
        return kind.Kind == FaultKind.ClockSkew ? ParseSkew(text, rest) : ParseWindow(text, kind.Kind, rest);
    }

    private static Fault ParseWindow(string text, FaultKind kind, string rest)
    {
        var at = rest.IndexOf('@');
        if (at < 0) throw Error(text, $"needs a start time: {Name(kind)}:TRUCK@START[+DURATION], e.g. {Name(kind)}:T-003@10m");
        var truck = Truck(text, rest[..at]);
        var when = rest[(at + 1)..];
        var plus = when.IndexOf('+');
        var start = Duration(text, "start", plus < 0 ? when : when[..plus], signed: false);
        TimeSpan? duration = plus < 0 ? DefaultDuration(kind) : Duration(text, "duration", when[(plus + 1)..], signed: false);
        if (duration is { } d && d <= TimeSpan.Zero) throw Error(text, $"duration '{when[(plus + 1)..]}' must be more than zero");
        return new Fault(kind, truck, start, duration, TimeSpan.Zero, text);
    }

    private static Fault ParseSkew(string text, string rest)
    {
        var colon = rest.IndexOf(':');
        if (colon < 0) throw Error(text, "needs an offset: clock-skew:TRUCK:±OFFSET[@START], e.g. clock-skew:T-015:+7m");
        var truck = Truck(text, rest[..colon]);
        var value = rest[(colon + 1)..];
        var at = value.IndexOf('@');
        var offsetText = at < 0 ? value : value[..at];
        if (offsetText.Length == 0 || offsetText[0] is not ('+' or '-'))
            throw Error(text, $"offset '{offsetText}' needs a sign, + (device clock ahead) or - (behind), e.g. +7m");
        var offset = Duration(text, "offset", offsetText, signed: true);
        var start = at < 0 ? TimeSpan.Zero : Duration(text, "start", value[(at + 1)..], signed: false);
        return new Fault(FaultKind.ClockSkew, truck, start, null, offset, text);
    }

    private static string Truck(string text, string truck)
    {
        truck = truck.Trim();
        if (!TruckId.IsValid(truck))
            throw Error(text, $"truck '{truck}' is not a truck id (letters, digits, - and _, e.g. T-003)");
        return truck;
    }

    private static TimeSpan Duration(string text, string what, string value, bool signed) =>
        SimulatedDuration.TryParse(value, signed, out var result)
            ? result
            : throw Error(text, $"{what} '{value}' is not a duration ({SimulatedDuration.Expected}; simulated time)");

    private static FaultSyntaxException Error(string text, string problem) => new($"--fault '{text}': {problem}");
}
