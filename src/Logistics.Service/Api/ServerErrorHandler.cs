using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Logistics.Service.Api;

/// <summary>Turns an unhandled exception into ProblemDetails without its message or stack trace, which
/// could show file paths, SQL or settings; the log has them, under the trace id the client gets.</summary>
public sealed class ServerErrorHandler(IProblemDetailsService problems, ILogger<ServerErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // Kestrel and the framework throw this for a request it cannot read (too large, malformed):
        // the client's mistake, with the right status already chosen.
        if (exception is BadHttpRequestException bad)
        {
            context.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = bad.Message },
            });
        }
        logger.LogError(exception, "Unhandled exception on {Method} {Path} (trace {TraceId})", context.Request.Method, context.Request.Path, context.TraceIdentifier);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "The service failed",
                Detail = $"An unexpected error occurred; it is logged under trace id {context.TraceIdentifier}. Try again, and report the trace id if it persists.",
            },
        });
    }
}
