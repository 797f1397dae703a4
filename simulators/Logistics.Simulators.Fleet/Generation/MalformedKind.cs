namespace Logistics.Simulators.Fleet.Generation;

/// <summary>The ways a malformed fault breaks the payload contract, used in this order, round and round.</summary>
public enum MalformedKind
{
    NotJson,
    WrongTypes,
    TruckMismatch,
    Oversize,
}
