namespace Logistics.Routing.Engines;

/// <summary>An engine cannot honour what the problem or the options ask for; the message names it, so
/// that the user can choose the other engine or change the input rather than get a plan that ignores it.</summary>
public sealed class EngineRefusedException(string engine, string message) : Exception($"engine '{engine}': {message}")
{
    public string Engine { get; } = engine;
}
