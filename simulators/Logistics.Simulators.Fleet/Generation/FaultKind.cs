namespace Logistics.Simulators.Fleet.Generation;

/// <summary>What can go wrong with a truck's device or cargo, as scripted with <c>--fault</c>.</summary>
public enum FaultKind
{
    /// <summary>The refrigeration unit stops: the cargo warms by <see cref="CargoClimate.ReeferFailureRiseCPerMinute"/>.</summary>
    ReeferFailure,
    /// <summary>The door stands open in the rain: door_open true, humidity climbs toward saturation.</summary>
    HumiditySpike,
    /// <summary>The first sensor reports -999 for what it measures.</summary>
    SensorFault,
    /// <summary>The device publishes nothing.</summary>
    Silent,
    /// <summary>The device clock is off by a fixed offset.</summary>
    ClockSkew,
    /// <summary>Payloads that break the contract: not JSON, wrong types, another truck's id, oversize.</summary>
    Malformed,
}
