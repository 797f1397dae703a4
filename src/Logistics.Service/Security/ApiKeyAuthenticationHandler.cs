using System.Security.Claims;
using System.Text.Encodings.Web;
using Logistics.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Security;

/// <summary>Accepts `Authorization: Bearer lk_…` or `X-Api-Key: lk_…` (keys from `logistics keys create`).
/// The user name in audit records (e.g. who acknowledged an alert) is the key's name.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        if (Request.Headers.Authorization.ToString() is { Length: > 0 } header)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("Authorization: only the Bearer scheme is accepted");
            token = header["Bearer ".Length..].Trim();
        }
        else if (Request.Headers["X-Api-Key"].ToString() is { Length: > 0 } apiKey)
        {
            token = apiKey.Trim();
        }
        if (token is null) return AuthenticateResult.NoResult();
        var key = await keys.VerifyAsync(token, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("the API key is unknown, revoked or malformed");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role), new Claim("key_id", key.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required",
            "Send an API key as 'Authorization: Bearer lk_…' (create one with 'logistics keys create --name NAME --role ROLE').");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            $"The key '{Context.User.Identity?.Name}' has role '{Context.User.FindFirstValue(ClaimTypes.Role)}', which may not do this.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(new { type = $"https://httpstatuses.io/{status}", title, status, detail },
            options: null, contentType: "application/problem+json");
    }
}
