namespace Logistics.Mqtt;

/// <summary>Base type of every error this library raises; socket and TLS errors are wrapped into it
/// where they enter the library, so callers catch one family of exceptions.</summary>
public class MqttException : Exception
{
    public MqttException(string message) : base(message) { }
    public MqttException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>The peer sent bytes that are not valid MQTT 3.1.1.</summary>
public sealed class MqttProtocolException(string message) : MqttException(message);

/// <summary>The connection to the broker could not be made or was lost.</summary>
public sealed class MqttTransportException(string message, Exception? inner = null) : MqttException(message, inner);

/// <summary>The client is not connected for good: not started yet (<see cref="MqttClient.ConnectAsync"/>), or
/// disconnected or disposed.</summary>
public sealed class MqttNotConnectedException(string message) : MqttException(message);

/// <summary>The broker answered CONNECT with a non-zero return code.</summary>
public sealed class MqttConnectionRefusedException(ConnectReturnCode code)
    : MqttException($"The broker refused the connection: {Describe(code)} (CONNACK return code {(int)code}).")
{
    public ConnectReturnCode ReturnCode { get; } = code;

    private static string Describe(ConnectReturnCode code) => code switch
    {
        ConnectReturnCode.UnacceptableProtocolVersion => "it does not speak MQTT 3.1.1",
        ConnectReturnCode.IdentifierRejected => "the client identifier was rejected",
        ConnectReturnCode.ServerUnavailable => "the MQTT service is unavailable",
        ConnectReturnCode.BadUsernameOrPassword => "bad user name or password",
        ConnectReturnCode.NotAuthorized => "not authorised (check the user name and password)",
        _ => "an unknown reason",
    };
}
