using Logistics.Routing.Model;

namespace Logistics.Routing.TravelTimes;

/// <summary>Road distance in metres and driving time in seconds between every pair of locations, in
/// the order the locations were given.</summary>
public sealed record TravelMatrices(Matrix DistanceMetres, Matrix DurationSeconds);
