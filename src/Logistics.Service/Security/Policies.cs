using Logistics.Data.Security;

namespace Logistics.Service.Security;

/// <summary>Authorization policies of the API. Admin passes every one of them.</summary>
public static class Policies
{
    /// <summary>Day inputs and plans.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>Telemetry history, alerts, excursions and their reports.</summary>
    public const string Quality = "quality";

    /// <summary>Read-only views both roles need (e.g. fleet status on the dispatcher's page, the plan on QA's).</summary>
    public const string Staff = "staff";

    public static IServiceCollection AddApiSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Dispatch, p => p.RequireRole(Role.Dispatcher, Role.Admin))
            .AddPolicy(Quality, p => p.RequireRole(Role.Qa, Role.Admin))
            .AddPolicy(Staff, p => p.RequireRole(Role.Dispatcher, Role.Qa, Role.Admin));
        return services;
    }
}
