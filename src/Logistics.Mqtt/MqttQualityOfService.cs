namespace Logistics.Mqtt;

/// <summary>Delivery guarantee of a PUBLISH (MQTT 3.1.1, section 4.3).</summary>
public enum MqttQualityOfService : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}
