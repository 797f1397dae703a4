namespace Logistics.Mqtt;

/// <summary>The message the broker publishes for the client when the connection ends without a
/// DISCONNECT (MQTT 3.1.1, section 3.1.2.5). Immutable.</summary>
public sealed record MqttWillMessage(string Topic, ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtMostOnce, bool Retain = false);
