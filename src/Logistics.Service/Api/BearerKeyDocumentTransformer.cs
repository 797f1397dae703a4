using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Logistics.Service.Api;

/// <summary>Describes the API key scheme in the OpenAPI document and marks every /api operation as needing
/// it (a test checks that every /api endpoint does require authorization).</summary>
public sealed class BearerKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "lk_{id}_{secret}",
            Description = "An API key from 'logistics keys create --name NAME --role dispatcher|qa|admin', sent as 'Authorization: Bearer lk_…'.",
        };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null) continue;
            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
            }
        }
        return Task.CompletedTask;
    }
}
