namespace Logistics.Telemetry.Readings;

/// <summary>Why a message from a device was refused. Each value has a stable snake_case code
/// (<see cref="RejectionReasons.Code"/>) that is stored with the rejected message and used as the
/// <c>reason</c> tag in InfluxDB, so values may be added but never renamed.</summary>
public enum RejectionReason
{
    /// <summary>The topic is not <c>fleet/{truckId}/telemetry</c> or <c>fleet/{truckId}/status</c>.</summary>
    InvalidTopic,
    /// <summary>A fleet list is configured and the topic's truck is not on it.</summary>
    UnknownTruck,
    /// <summary>The payload is larger than the configured cap; it was not parsed.</summary>
    PayloadTooLarge,
    /// <summary>The payload is not UTF-8 JSON, or is nested too deeply.</summary>
    NotJson,
    /// <summary>A required field is absent.</summary>
    MissingField,
    /// <summary>A field holds the wrong JSON type (a string where a number belongs, say).</summary>
    WrongType,
    /// <summary>A field has the right type but a value the contract does not allow.</summary>
    InvalidValue,
    /// <summary>A field appears twice in the same object, so its value is ambiguous.</summary>
    DuplicateField,
    /// <summary>The payload's <c>truck</c> differs from the topic's truck id.</summary>
    TruckMismatch,
    /// <summary>The device's <c>ts</c> is further ahead of the receive time than allowed.</summary>
    FutureTimestamp,
}

/// <summary>The stable codes of <see cref="RejectionReason"/>.</summary>
public static class RejectionReasons
{
    public static string Code(this RejectionReason reason) => reason switch
    {
        RejectionReason.InvalidTopic => "invalid_topic",
        RejectionReason.UnknownTruck => "unknown_truck",
        RejectionReason.PayloadTooLarge => "payload_too_large",
        RejectionReason.NotJson => "not_json",
        RejectionReason.MissingField => "missing_field",
        RejectionReason.WrongType => "wrong_type",
        RejectionReason.InvalidValue => "invalid_value",
        RejectionReason.DuplicateField => "duplicate_field",
        RejectionReason.TruckMismatch => "truck_mismatch",
        RejectionReason.FutureTimestamp => "future_timestamp",
        _ => "unknown",
    };
}
