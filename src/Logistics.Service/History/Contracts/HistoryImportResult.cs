namespace Logistics.Service.History.Contracts;

/// <summary>What an import saved: rows (series and date, several rows of one date summed) of how many series, and
/// what the saved history holds now.</summary>
public sealed record HistoryImportResult(int Imported, int Series, string Mode, HistorySummaryJson History);
