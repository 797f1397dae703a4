namespace Logistics.Mqtt;

/// <summary>One topic filter of a SUBSCRIBE with the maximum QoS the client asks for.</summary>
public readonly record struct MqttTopicSubscription(string Filter, MqttQualityOfService QualityOfService);
