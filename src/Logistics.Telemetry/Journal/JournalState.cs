namespace Logistics.Telemetry.Journal;

/// <summary>How full the journal is relative to <see cref="JournalOptions.DiskCapBytes"/>.</summary>
public enum JournalState
{
    /// <summary>Below 90 % of the cap.</summary>
    Normal,
    /// <summary>At least 90 % of the cap: consumers are falling behind.</summary>
    NearCap,
    /// <summary>An append is waiting for space, or the cap is reached: new messages are not
    /// acknowledged to the broker until a consumer commits and segments are deleted.</summary>
    Full,
}
