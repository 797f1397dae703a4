namespace Logistics.Service.Planning.Publishing;

/// <summary>The broker could not take the plan; nothing was recorded as published.</summary>
public sealed class PublishFailedException(string message, Exception? inner = null) : Exception(message, inner);
