using System.Globalization;

namespace Logistics.Core;

/// <summary>Argument checks shared by the domain records, so that every refusal names the field and the value.</summary>
internal static class Guard
{
    public static string NotBlank(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty", name) : value.Trim();

    public static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than 0, got {value}");

    public static int NotNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, got {value}");

    public static decimal NotNegative(decimal value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, got {value.ToString(CultureInfo.InvariantCulture)}");

    public static TimeSpan NotNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, got {value}");

    public static double? PositiveOrNull(double? value, string name) =>
        value is null || (double.IsFinite(value.Value) && value.Value > 0)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than 0 when given, got {value.Value.ToString(CultureInfo.InvariantCulture)}");
}
