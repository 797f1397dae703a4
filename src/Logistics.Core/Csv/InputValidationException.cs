namespace Logistics.Core.Csv;

/// <summary>Input refused: every error found in the file(s), not only the first, so that a dispatcher
/// can fix them all in one go.</summary>
public sealed class InputValidationException : Exception
{
    public InputValidationException(IReadOnlyList<InputError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<InputError> Errors { get; }

    private static string Describe(IReadOnlyList<InputError> errors) =>
        $"{errors.Count} input error{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
