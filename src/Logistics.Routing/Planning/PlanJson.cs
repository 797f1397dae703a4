using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Logistics.Routing.Planning;

/// <summary>The plan as JSON: camelCase, reasons as camelCase strings, clock times "HH:mm:ss".</summary>
public static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Store names are Chinese: keep them readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(Plan plan) => JsonSerializer.Serialize(plan, Options);

    public static void Write(Plan plan, string path) => File.WriteAllText(path, Serialize(plan));

    public static Plan? Deserialize(string json) => JsonSerializer.Deserialize<Plan>(json, Options);
}
