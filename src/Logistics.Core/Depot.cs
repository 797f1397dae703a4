namespace Logistics.Core;

/// <summary>A distribution centre where vehicles load in the morning and return in the evening.</summary>
public sealed record Depot(string Id, string Name, Coordinates Location, TimeWindow OpeningHours)
{
    public string Id { get; } = Guard.NotBlank(Id, nameof(Id));
}
