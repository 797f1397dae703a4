namespace Logistics.Service.Excursions;

/// <summary>The host has no <see cref="IPublishedRoutes"/>: affected deliveries cannot be found without the plans.</summary>
public sealed class PublishedRoutesMissingException()
    : Exception("This service has no source of published routes (IPublishedRoutes), so affected deliveries cannot be worked out.");
