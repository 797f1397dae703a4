using System.Globalization;

namespace Logistics.Telemetry.Influx;

public enum InfluxFieldKind
{
    Float,
    Integer,
    Boolean,
    String,
}

/// <summary>A field value with the type InfluxDB will store it as: float, integer, boolean or string.
/// InfluxDB fixes a field's type per shard by the first value written, so the type is explicit here
/// rather than guessed from the number.</summary>
public readonly record struct InfluxFieldValue
{
    private readonly double _float;
    private readonly long _integer;
    private readonly string? _string;

    private InfluxFieldValue(InfluxFieldKind kind, double f, long i, string? s)
    {
        Kind = kind;
        _float = f;
        _integer = i;
        _string = s;
    }

    public InfluxFieldKind Kind { get; }

    public static InfluxFieldValue Float(double value) => new(InfluxFieldKind.Float, value, 0, null);
    public static InfluxFieldValue Integer(long value) => new(InfluxFieldKind.Integer, 0, value, null);
    public static InfluxFieldValue Boolean(bool value) => new(InfluxFieldKind.Boolean, 0, value ? 1 : 0, null);
    public static InfluxFieldValue String(string value) =>
        new(InfluxFieldKind.String, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    public static implicit operator InfluxFieldValue(double value) => Float(value);
    public static implicit operator InfluxFieldValue(long value) => Integer(value);
    public static implicit operator InfluxFieldValue(int value) => Integer(value);
    public static implicit operator InfluxFieldValue(bool value) => Boolean(value);
    public static implicit operator InfluxFieldValue(string value) => String(value);

    public double AsFloat => Kind == InfluxFieldKind.Float ? _float : throw WrongKind(InfluxFieldKind.Float);
    public long AsInteger => Kind == InfluxFieldKind.Integer ? _integer : throw WrongKind(InfluxFieldKind.Integer);
    public bool AsBoolean => Kind == InfluxFieldKind.Boolean ? _integer != 0 : throw WrongKind(InfluxFieldKind.Boolean);
    public string AsString => Kind == InfluxFieldKind.String ? _string! : throw WrongKind(InfluxFieldKind.String);

    public override string ToString() => Kind switch
    {
        InfluxFieldKind.Float => _float.ToString("R", CultureInfo.InvariantCulture),
        InfluxFieldKind.Integer => _integer.ToString(CultureInfo.InvariantCulture) + "i",
        InfluxFieldKind.Boolean => _integer != 0 ? "true" : "false",
        _ => _string!,
    };

    private InvalidOperationException WrongKind(InfluxFieldKind wanted) =>
        new($"the field value is a {Kind}, not a {wanted}");
}
