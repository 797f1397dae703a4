namespace Logistics.Telemetry.Alerts;

/// <summary>What an alert is about. At most one alert per (truck, sensor, kind) is open at a time.</summary>
public enum AlertKind
{
    /// <summary>A sensor's temperature stayed outside its profile's band for the minimum duration.</summary>
    TemperatureExcursion,
    /// <summary>A sensor's humidity stayed outside its profile's band for the minimum duration.</summary>
    HumidityExcursion,
    /// <summary>A sensor's temperature trend will leave the warning band soon (predictive).</summary>
    TemperatureTrend,
    /// <summary>A sensor's humidity trend will leave the warning band soon (predictive).</summary>
    HumidityTrend,
    /// <summary>The parser refused a sensor's value as impossible.</summary>
    SensorFault,
    /// <summary>A truck on duty sent nothing for a while, or its device went offline (truck-level, no sensor).</summary>
    NoData,
    /// <summary>The cargo door stayed open too long (truck-level, no sensor).</summary>
    DoorOpen,
}
