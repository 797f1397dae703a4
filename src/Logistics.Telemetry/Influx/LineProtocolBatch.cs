using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Logistics.Telemetry.Influx;

/// <summary>The body of one write to InfluxDB: lines of line protocol written straight into one UTF-8 buffer, with
/// where each line ends and the truck and time of each (for a line InfluxDB refuses). The InfluxDB writer keeps a
/// few and reuses them batch after batch (<see cref="Clear"/>), so a reading costs no object and no string:
/// <see cref="TelemetrySchema.AppendMessage"/> writes a message's lines field by field. Names and values are checked
/// as in <see cref="InfluxPoint"/> (an <see cref="ArgumentException"/> names what is wrong; <see cref="Truncate"/>
/// then takes back what the message had written). Tags must come in byte order of their keys, as InfluxDB wants
/// them. Not thread-safe.</summary>
public sealed class LineProtocolBatch
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", ");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= ");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\");

    private byte[] _bytes;
    private int _length;
    private int[] _lineEnds = new int[1024];
    private Origin[] _origins = new Origin[1024];
    private int _count;
    // The line being written: where it starts (-1: none), its measurement, last tag key, whether it has a field yet.
    private int _lineStart = -1;
    private string _measurement = "";
    private string? _lastTag;
    private bool _hasField;

    public LineProtocolBatch(InfluxPrecision precision = InfluxPrecision.Nanoseconds, int initialBytes = 64 * 1024)
    {
        if (!Enum.IsDefined(precision))
            throw new ArgumentOutOfRangeException(nameof(precision), precision, $"precision '{precision}' is not one of ns, u, ms, s");
        Precision = precision;
        _bytes = new byte[Math.Max(initialBytes, 256)];
    }

    public InfluxPrecision Precision { get; }

    /// <summary>Complete lines.</summary>
    public int Count => _count;

    /// <summary>Bytes of the complete lines (each ended by '\n').</summary>
    public int Length => _lineStart < 0 ? _length : _lineStart;

    /// <summary>True when every line carries its own time (so writing it twice overwrites it).</summary>
    public bool AllTimed { get; private set; } = true;

    /// <summary>The complete lines as they go to InfluxDB.</summary>
    public ReadOnlyMemory<byte> Body => _bytes.AsMemory(0, Length);

    /// <summary>Lines [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>), each ended by '\n'.</summary>
    public ReadOnlyMemory<byte> Lines(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > _count)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"lines {start} to {start + count - 1} are not within the batch's {_count}");
        var from = start == 0 ? 0 : _lineEnds[start - 1];
        var to = count == 0 ? from : _lineEnds[start + count - 1];
        return _bytes.AsMemory(from, to - from);
    }

    /// <summary>Line <paramref name="index"/> as text, without its '\n'.</summary>
    public string Line(int index)
    {
        var bytes = Lines(index, 1).Span;
        return Encoding.UTF8.GetString(bytes[..^1]);
    }

    /// <summary>The <c>truck</c> tag of line <paramref name="index"/> (null without one).</summary>
    public string? TruckOf(int index) => _origins[CheckIndex(index)].Truck;

    /// <summary>The time of line <paramref name="index"/> in Unix nanoseconds (null: the server's clock).</summary>
    public long? TimeOf(int index) => _origins[CheckIndex(index)].UnixNanoseconds;

    /// <summary>Empties the batch for the next one (keeps its buffers).</summary>
    public void Clear()
    {
        _length = 0;
        _count = 0;
        _lineStart = -1;
        AllTimed = true;
        Array.Clear(_origins, 0, _origins.Length);
    }

    /// <summary>Takes back every line from <paramref name="count"/> on, and a line being written.</summary>
    public void Truncate(int count)
    {
        if (count < 0 || count > _count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"the batch has {_count} lines");
        _count = count;
        _length = count == 0 ? 0 : _lineEnds[count - 1];
        _lineStart = -1;
        AllTimed = true;
        for (var i = 0; i < count && AllTimed; i++) AllTimed = _origins[i].UnixNanoseconds is not null;
    }

    /// <summary>Starts a line (a line started and not ended is dropped).</summary>
    public LineProtocolBatch Measurement(string measurement)
    {
        if (_lineStart >= 0) _length = _lineStart;
        LineProtocolEncoder.CheckMeasurement(measurement);
        _lineStart = _length;
        _measurement = measurement;
        _lastTag = null;
        _hasField = false;
        Escaped(measurement, MeasurementSpecials);
        return this;
    }

    /// <summary>A tag; keys in byte order (see <see cref="InfluxPoint"/> for tags in any order).</summary>
    public LineProtocolBatch Tag(string key, string value)
    {
        RequireLine(fields: false);
        LineProtocolEncoder.CheckTag(_measurement, key, value);
        if (_lastTag is not null && LineProtocolEncoder.CompareUtf8(_lastTag, key) >= 0)
            throw new ArgumentException($"Tag '{key}' on measurement '{_measurement}' comes after '{_lastTag}': tags go in byte order of their keys.", nameof(key));
        _lastTag = key;
        Byte((byte)',');
        Escaped(key, KeySpecials);
        Byte((byte)'=');
        Escaped(value, KeySpecials);
        return this;
    }

    public LineProtocolBatch Field(string key, double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentException($"Field '{key}' on measurement '{_measurement}' is {value.ToString(CultureInfo.InvariantCulture)}: line protocol has no NaN or infinity.", nameof(value));
        FieldKey(key);
        // "R": the shortest text that reads back as the same double, as InfluxFieldValue writes it.
        int written;
        while (!value.TryFormat(_bytes.AsSpan(_length), out written, "R", CultureInfo.InvariantCulture)) Grow(32);
        _length += written;
        return this;
    }

    public LineProtocolBatch Field(string key, long value)
    {
        FieldKey(key);
        Integer(value);
        Byte((byte)'i');
        return this;
    }

    public LineProtocolBatch Field(string key, bool value)
    {
        FieldKey(key);
        Raw(value ? "true"u8 : "false"u8);
        return this;
    }

    public LineProtocolBatch Field(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        FieldKey(key);
        Byte((byte)'"');
        var span = value.AsSpan();
        while (true)
        {
            var special = span.IndexOfAny(StringSpecials);
            Utf8(special < 0 ? span : span[..special]);
            if (special < 0) break;
            Byte((byte)'\\');
            Byte((byte)span[special]);
            span = span[(special + 1)..];
        }
        Byte((byte)'"');
        return this;
    }

    /// <summary>Ends the line at <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside what InfluxDB stores.</exception>
    public void End(DateTimeOffset time, string? truck)
    {
        long nanoseconds;
        try
        {
            nanoseconds = checked((time.UtcTicks - UnixEpochTicks) * 100);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time,
                $"Timestamp {time:O} of measurement '{_measurement}' is outside what InfluxDB stores (1677-09-21 to 2262-04-11).");
        }
        End(nanoseconds, truck);
    }

    /// <summary>Ends the line at <paramref name="unixNanoseconds"/> (null: the server stamps its own clock); the
    /// truck is only remembered, for a refused line's record.</summary>
    public void End(long? unixNanoseconds, string? truck)
    {
        RequireLine(fields: true);
        if (!_hasField)
            throw new ArgumentException($"Measurement '{_measurement}' has no fields: InfluxDB needs at least one.", nameof(unixNanoseconds));
        if (unixNanoseconds is { } ns)
        {
            Byte((byte)' ');
            Integer(Precision.FromUnixNanoseconds(ns));
        }
        else
        {
            AllTimed = false;
        }
        Byte((byte)'\n');
        if (_count == _lineEnds.Length)
        {
            Array.Resize(ref _lineEnds, _count * 2);
            Array.Resize(ref _origins, _count * 2);
        }
        _lineEnds[_count] = _length;
        _origins[_count] = new Origin(truck, unixNanoseconds);
        _count++;
        _lineStart = -1;
    }

    /// <summary>A whole point as one line.</summary>
    public void Add(InfluxPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        // The point checked its names and values as they were added.
        Measurement(point.Measurement);
        foreach (var (key, value) in point.Tags)
        {
            Byte((byte)',');
            Escaped(key, KeySpecials);
            Byte((byte)'=');
            Escaped(value, KeySpecials);
        }
        foreach (var (key, value) in point.Fields)
        {
            switch (value.Kind)
            {
                case InfluxFieldKind.Float: Field(key, value.AsFloat); break;
                case InfluxFieldKind.Integer: Field(key, value.AsInteger); break;
                case InfluxFieldKind.Boolean: Field(key, value.AsBoolean); break;
                default: Field(key, value.AsString); break;
            }
        }
        End(point.UnixNanoseconds, point.Tags.GetValueOrDefault(TelemetrySchema.Tags.Truck));
    }

    // ---- writing ----

    private void RequireLine(bool fields)
    {
        if (_lineStart < 0) throw new InvalidOperationException("Start a line with Measurement first.");
        if (!fields && _hasField) throw new InvalidOperationException($"Tags of measurement '{_measurement}' go before its fields.");
    }

    private void FieldKey(string key)
    {
        RequireLine(fields: true);
        LineProtocolEncoder.CheckField(_measurement, key, 0L);
        Byte(_hasField ? (byte)',' : (byte)' ');
        _hasField = true;
        Escaped(key, KeySpecials);
        Byte((byte)'=');
    }

    private void Escaped(string text, SearchValues<char> specials)
    {
        var span = text.AsSpan();
        while (true)
        {
            var special = span.IndexOfAny(specials);
            Utf8(special < 0 ? span : span[..special]);
            if (special < 0) return;
            Byte((byte)'\\');
            Byte((byte)span[special]);
            span = span[(special + 1)..];
        }
    }

    private void Utf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(_length));
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Integer(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _bytes.AsSpan(_length), out var written);
        _length += written;
    }

    private void Byte(byte b)
    {
        Ensure(1);
        _bytes[_length++] = b;
    }

    private void Ensure(int bytes)
    {
        if (_bytes.Length - _length < bytes) Grow(bytes);
    }

    private void Grow(int bytes) => Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes));

    private int CheckIndex(int index) =>
        index >= 0 && index < _count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"the batch has {_count} lines");

    private readonly record struct Origin(string? Truck, long? UnixNanoseconds);
}
