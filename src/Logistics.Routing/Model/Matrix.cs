namespace Logistics.Routing.Model;

/// <summary>A square matrix of integer costs between locations (distance or duration), row-major.
/// Immutable once built.</summary>
public sealed class Matrix
{
    private readonly long[] _values;

    public Matrix(int size, long[] values)
    {
        if (values.Length != size * size)
            throw new ArgumentException($"a {size}x{size} matrix needs {size * size} values, got {values.Length}", nameof(values));
        Size = size;
        _values = values;
    }

    public int Size { get; }

    public long this[int from, int to] => _values[from * Size + to];

    /// <summary>Fills a matrix from a function of (from, to).</summary>
    public static Matrix Build(int size, Func<int, int, long> value)
    {
        var values = new long[size * size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
                values[i * size + j] = i == j ? 0 : value(i, j);
        return new Matrix(size, values);
    }

    /// <summary>The row of distances from one location, for hot loops.</summary>
    public ReadOnlySpan<long> Row(int from) => _values.AsSpan(from * Size, Size);
}
