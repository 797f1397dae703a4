namespace Logistics.Mqtt;

public enum MqttConnectionState
{
    /// <summary>CONNACK accepted; the client is sending and receiving.</summary>
    Connected,

    /// <summary>The connection was lost, a reconnect attempt failed, or the client was disconnected.</summary>
    Disconnected,
}
