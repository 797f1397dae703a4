using Logistics.Routing.Planning;
using Logistics.Service.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Logistics.Core.Csv;

namespace Logistics.Service.Inputs;

/// <summary>Input errors as the API reports them: a ValidationProblem whose errors are keyed by field,
/// each message giving the value, where it is, and what is wrong.</summary>
public static class InputProblems
{
    /// <summary>Enough to fix a file in one go without an answer of megabytes for a file that is wrong on every row.</summary>
    public const int MaxErrors = 200;

    /// <param name="title">What was refused, e.g. "The stores were not imported".</param>
    /// <param name="unchanged">What the client can rely on, e.g. "the saved stores are unchanged".</param>
    public static ValidationProblem From(IReadOnlyList<InputError> errors, string title, string unchanged)
    {
        var shown = errors.Take(MaxErrors).ToArray();
        var byField = new FieldErrors();
        foreach (var error in shown) byField.Add(error);
        var count = errors.Count == 1 ? "1 error" : $"{errors.Count} errors";
        var more = errors.Count > shown.Length ? $" (the first {shown.Length} are listed)" : "";
        return byField.ToProblem(title, $"{count}{more}; {unchanged}.");
    }
}
