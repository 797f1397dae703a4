namespace Logistics.Telemetry.Alerts.Store;

/// <summary>The alert store's file could not be read or written (SQLite's error, a full disk, a file another
/// program locked or damaged): SQLite's and the file system's exceptions are translated into this one where they
/// enter the store, so callers catch one type. The original is the inner exception.</summary>
public sealed class AlertStoreException(string message, Exception inner) : Exception(message, inner);
