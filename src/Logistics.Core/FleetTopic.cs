namespace Logistics.Core;

/// <summary>One truck's topic: <c>fleet/{truckId}/{kind}</c> (see <see cref="FleetTopics"/>).</summary>
public readonly record struct FleetTopic(string Truck, FleetTopicKind Kind)
{
    public override string ToString() => FleetTopics.Format(Truck, Kind);
}
