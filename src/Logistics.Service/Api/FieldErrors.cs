using Logistics.Core.Csv;

namespace Logistics.Service.Api;

/// <summary>The one way the API collects what is wrong with a request, field by field, so a caller learns
/// every mistake at once: readers of query strings (<see cref="QueryErrors"/>), JSON bodies
/// (<see cref="RequestBody"/>) and uploaded lists (input errors with file and row) all add here, and the
/// answer is one 400 ValidationProblem keyed by field.</summary>
public class FieldErrors
{
    /// <summary>Field → messages; empty when every field read so far was fine.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool Any => Errors.Count > 0;

    public void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>An input error (CSV row, JSON item, uploaded field) in the same words everywhere:
    /// "'abc' (stores.csv row 4): not a number …"; JSON errors carry their path instead of a row.</summary>
    public void Add(InputError error) => Add(error.Field, Message(error));

    public static string Message(InputError e) =>
        $"'{e.Value}' ({(e.Row > 0 ? $"{e.File} row {e.Row}" : e.File)}): {e.Problem}";

    /// <summary>One field's single message, for answers that refuse on one field.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem One(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToProblem();
    }

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToProblem(string? title = null, string? detail = null) =>
        TypedResults.ValidationProblem(Errors, title: title, detail: detail);
}
