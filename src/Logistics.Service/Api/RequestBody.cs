using System.Globalization;
using System.Text.Json;

namespace Logistics.Service.Api;

/// <summary>A JSON request body read field by field, so that every wrong field is reported by name with its
/// value (model binding would stop at the first and name no field). An empty body is an empty object.</summary>
internal sealed class RequestBody : FieldErrors
{
    private readonly JsonElement _root;

    private RequestBody(JsonElement root) => _root = root;

    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) return new RequestBody(JsonDocument.Parse("{}").RootElement);
        try
        {
            using var document = JsonDocument.Parse(text);
            var body = new RequestBody(document.RootElement.Clone());
            if (body._root.ValueKind != JsonValueKind.Object) body.Add("body", $"'{Shorten(text)}' is not a JSON object; send {{\"field\": value, …}}");
            return body;
        }
        catch (JsonException e)
        {
            var body = new RequestBody(JsonDocument.Parse("{}").RootElement);
            body.Add("body", $"'{Shorten(text)}' is not valid JSON ({e.Message})");
            return body;
        }
    }

    public string? String(string field)
    {
        if (Get(field) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Add(field, $"'{value.GetRawText()}' must be a string");
        return null;
    }

    public int? Int(string field)
    {
        if (Get(field) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        Add(field, $"'{value.GetRawText()}' must be a whole number");
        return null;
    }

    public bool? Bool(string field)
    {
        if (Get(field) is not { } value) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Add(field, $"'{value.GetRawText()}' must be true or false");
        return null;
    }

    public IReadOnlyList<string>? Strings(string field)
    {
        if (Get(field) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return value.EnumerateArray().Select(e => e.GetString()!).ToArray();
        Add(field, $"'{value.GetRawText()}' must be an array of strings, e.g. [\"van-01\"]");
        return null;
    }

    public IReadOnlyDictionary<string, string>? StringMap(string field)
    {
        if (Get(field) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String))
            return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        Add(field, $"'{value.GetRawText()}' must be an object of strings, e.g. {{\"van-01\": \"T-001\"}}");
        return null;
    }

    /// <summary>A yyyy-MM-dd date; null (and an error) when missing or malformed.</summary>
    public DateOnly? Date(string field)
    {
        var text = String(field);
        if (text is null)
        {
            if (!Errors.ContainsKey(field)) Add(field, "is required: the delivery day as yyyy-MM-dd, e.g. \"2026-11-23\"");
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, $"'{Shorten(text)}' is not a date; use yyyy-MM-dd from {DateLimits.DayRange}, e.g. \"2026-11-23\"");
            return null;
        }
        if (DateLimits.DayProblem(date) is { } problem)
        {
            Add(field, problem);
            return null;
        }
        return date;
    }

    private JsonElement? Get(string field) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
