namespace Logistics.Core.Csv;

/// <summary>One refused value of an input file.</summary>
/// <param name="File">File name as the user gave it.</param>
/// <param name="Row">Line of the file, the header being row 1.</param>
/// <param name="Field">Column (or key) the value came from.</param>
/// <param name="Value">The value as written; empty when it was missing.</param>
/// <param name="Problem">What is wrong, in the dispatcher's words.</param>
public sealed record InputError(string File, int Row, string Field, string Value, string Problem)
{
    public override string ToString() => $"{File} row {Row}, field '{Field}', value '{Value}': {Problem}";
}
