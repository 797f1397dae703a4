namespace Logistics.Service.Api;

/// <summary>Names as the API writes them, the same spelling as its JSON enums (<see cref="ApiConventions"/>): camelCase.</summary>
public static class ApiNames
{
    /// <summary>An enum value's name in camelCase, e.g. <c>temperatureExcursion</c>.</summary>
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
