namespace Logistics.Service.Telemetry;

/// <summary>Body of POST /api/alerts/{id}/acknowledge.</summary>
public sealed record AcknowledgeRequest(string? Comment)
{
    public const int MaxCommentLength = 2000;
}
