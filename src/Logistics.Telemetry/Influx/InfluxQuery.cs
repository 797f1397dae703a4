namespace Logistics.Telemetry.Influx;

/// <summary>InfluxQL text with bound parameters: each <c>$name</c> in the text is a value sent apart
/// from it (the <c>params</c> field of /query, which InfluxDB 1.6 supports), so a value can never
/// change the statement's structure. Parameters stand for values only: identifiers and durations
/// go into the text through <see cref="InfluxQl"/>'s quoting helpers.</summary>
public sealed record InfluxQuery
{
    public InfluxQuery(string text, IReadOnlyDictionary<string, object>? parameters = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ArgumentException("The query text is empty.", nameof(text));
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            if (!IsParameterName(name))
                throw new ArgumentException($"Query parameter name '{name}' must be a letter or '_' followed by letters, digits or '_'.", nameof(parameters));
            if (value is not (string or double or float or long or int or bool or DateTimeOffset))
                throw new ArgumentException($"Query parameter '{name}' is a {value?.GetType().Name ?? "null"}; use string, number, bool or DateTimeOffset.", nameof(parameters));
            if (value is double d && !double.IsFinite(d) || value is float f && !float.IsFinite(f))
                throw new ArgumentException($"Query parameter '{name}' is {value}; InfluxQL has no NaN or infinity.", nameof(parameters));
        }
        Text = text;
        Parameters = parameters ?? new Dictionary<string, object>();
    }

    public string Text { get; }

    public IReadOnlyDictionary<string, object> Parameters { get; }

    public override string ToString() => Text;

    private static bool IsParameterName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
