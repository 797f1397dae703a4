namespace Logistics.Mqtt;

/// <param name="State">The new state.</param>
/// <param name="SessionPresent">On <see cref="MqttConnectionState.Connected"/>: the broker resumed a session.</param>
/// <param name="Error">Why the connection ended or the attempt failed; null after a graceful disconnect. On
/// <see cref="MqttConnectionState.Connected"/>: a <see cref="MqttSubscriptionRefusedException"/> when the broker
/// refused part of the resubscription after a reconnect without session.</param>
/// <param name="WillReconnect">The client will try again by itself (automatic reconnect is on).</param>
public sealed record MqttConnectionStateChangedEventArgs(MqttConnectionState State, bool SessionPresent, Exception? Error, bool WillReconnect);
