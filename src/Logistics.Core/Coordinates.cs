using System.Globalization;

namespace Logistics.Core;

/// <summary>A point on the earth in WGS-84 degrees.</summary>
public sealed record Coordinates(double Latitude, double Longitude)
{
    public double Latitude { get; } = Check(Latitude, 90, nameof(Latitude));
    public double Longitude { get; } = Check(Longitude, 180, nameof(Longitude));

    private static double Check(double value, double limit, string name) =>
        double.IsFinite(value) && Math.Abs(value) <= limit
            ? value
            : throw new ArgumentOutOfRangeException(name, value,
                $"{name.ToLowerInvariant()} must be between -{limit} and {limit} degrees, got {value.ToString(CultureInfo.InvariantCulture)}");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.######},{Longitude:0.######}");
}
