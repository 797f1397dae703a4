using System.Security.Claims;
using Logistics.Service.Api;
using Logistics.Service.Security;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Logistics.Service.Telemetry;

/// <summary>Alerts over the listener's own <see cref="AlertStore"/> (one singleton: the engine writes, QA
/// reads and acknowledges the same file).</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff)
            .WithName("ListAlerts").WithSummary("Alerts that match the filter, newest start first, one page at a time.");
        group.MapPost("/{id}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.Quality)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AcknowledgeAlert").WithSummary("Acknowledges an alert with a comment, in the name of the API key.");
        group.MapGet("/{id}/audit", AuditAsync).RequireAuthorization(Policies.Quality)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetAlertAudit").WithSummary("Every change to an alert, oldest first.");
        return endpoints;
    }

    private static async Task<Results<Ok<AlertList>, ValidationProblem>> ListAsync(string? state, string? truck, string? severity, string? kind,
        string? from, string? to, string? limit, string? offset, AlertStore alerts, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var query = new AlertQuery
        {
            State = errors.Choice<AlertState>("state", state),
            Truck = errors.Truck("truck", truck),
            Severity = errors.Choice<AlertSeverity>("severity", severity),
            Kind = errors.Choice<AlertKind>("kind", kind),
            From = errors.Instant("from", from),
            To = errors.Instant("to", to),
            Limit = errors.Integer("limit", limit, 50, 1, AlertQuery.MaxLimit),
            Offset = errors.Integer("offset", offset, 0, 0, int.MaxValue),
        };
        errors.Range(query.From, query.To);
        if (errors.Any) return errors.ToProblem();
        var page = await alerts.ListAsync(query, ct);
        return TypedResults.Ok(new AlertList(page.Items.Select(AlertView.From).ToList(), page.Total));
    }

    private static async Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        string id, AcknowledgeRequest? request, ClaimsPrincipal user, AlertStore alerts, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var alertId = errors.Id("id", id);
        if (request?.Comment is { Length: > AcknowledgeRequest.MaxCommentLength } comment)
            errors.Add("comment", $"'{comment[..40]}…' is {comment.Length} characters long; at most {AcknowledgeRequest.MaxCommentLength}: shorten it.");
        if (errors.Any || alertId is null) return errors.ToProblem();
        try
        {
            return TypedResults.Ok(AlertView.From(await alerts.AcknowledgeAsync(alertId.Value, user.Identity?.Name ?? "", request?.Comment, ct)));
        }
        catch (AlertNotFoundException e)
        {
            return NotFound(e);
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(new ProblemDetails { Title = "Already acknowledged", Detail = e.Message, Status = StatusCodes.Status409Conflict });
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditView>>, ValidationProblem, ProblemHttpResult>> AuditAsync(string id,
        AlertStore alerts, CancellationToken ct)
    {
        var errors = new QueryErrors();
        if (errors.Id("id", id) is not { } alertId) return errors.ToProblem();
        try
        {
            IReadOnlyList<AuditView> trail = (await alerts.GetAuditTrailAsync(alertId, ct)).Select(AuditView.From).ToList();
            return TypedResults.Ok(trail);
        }
        catch (AlertNotFoundException e)
        {
            return NotFound(e);
        }
    }

    private static ProblemHttpResult NotFound(AlertNotFoundException e) =>
        TypedResults.Problem(new ProblemDetails { Title = "No such alert", Detail = e.Message, Status = StatusCodes.Status404NotFound });
}
