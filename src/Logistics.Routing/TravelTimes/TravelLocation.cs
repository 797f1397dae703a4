using Logistics.Core;

namespace Logistics.Routing.TravelTimes;

/// <summary>A place between which travel is measured: a depot or a store, by its id.</summary>
public sealed record TravelLocation(string Id, Coordinates Position);
