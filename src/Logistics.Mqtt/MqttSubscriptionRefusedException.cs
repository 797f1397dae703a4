namespace Logistics.Mqtt;

/// <summary>The broker answered SUBSCRIBE with failure (0x80) for one or more filters, typically
/// because the ACL does not let this account read them. The other filters are subscribed.</summary>
public sealed class MqttSubscriptionRefusedException(IReadOnlyList<string> refusedFilters, IReadOnlyList<MqttQualityOfService?> granted)
    : MqttException($"The broker refused the subscription to {string.Join(", ", refusedFilters.Select(f => $"'{f}'"))} (SUBACK 0x80); check the account's ACL.")
{
    public IReadOnlyList<string> RefusedFilters { get; } = refusedFilters;

    /// <summary>Per filter of the request, in order: the granted QoS, or null when refused.</summary>
    public IReadOnlyList<MqttQualityOfService?> Granted { get; } = granted;
}
