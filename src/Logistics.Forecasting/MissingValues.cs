namespace Logistics.Forecasting;

/// <summary>What a period without any history row inside a series means.</summary>
public enum MissingValues
{
    /// <summary>Nothing was ordered: the right reading of an order history.</summary>
    Zero,

    /// <summary>The value was not recorded: linear between the neighbouring observations (measurements, sales panels).</summary>
    Interpolate,
}
