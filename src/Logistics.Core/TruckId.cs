namespace Logistics.Core;

/// <summary>The truck id rule of the device contract, <c>[A-Za-z0-9_-]{1,64}</c>: the MQTT topic,
/// the InfluxDB tag, the QA API and plan publication all accept exactly these ids.</summary>
public static class TruckId
{
    /// <summary>The longest truck id the contract allows.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule in the words an error message uses.</summary>
    public const string Rule = "1 to 64 letters, digits, '_' or '-'";

    /// <summary>Whether <paramref name="id"/> matches <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > MaxLength) return false;
        foreach (var c in id)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    /// <summary>Whether <paramref name="id"/> is present and matches the rule.</summary>
    public static bool IsValid(string? id) => id is not null && IsValid(id.AsSpan());

    /// <summary>Returns <paramref name="id"/> when it is a truck id.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static string Check(string? id, string paramName) =>
        IsValid(id) ? id! : throw new ArgumentException($"truck '{id}' is not a truck id ({Rule}).", paramName);
}
