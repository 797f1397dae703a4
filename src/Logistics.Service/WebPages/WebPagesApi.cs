using System.Security.Claims;
using Logistics.Service.Configuration;
using Logistics.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Logistics.Service.WebPages;

/// <summary>The dispatcher's and QA's pages: static files from wwwroot (index.html, dispatch.html,
/// qa.html, css/, js/, and lib/ from npm) and the one setting endpoint they need.</summary>
public static class WebPagesApi
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        var files = WebRoot(app.Environment);
        // Read on the first page request, not here: a bad setting is then reported with all the others at start.
        var policy = new Lazy<string>(() => ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<WebOptions>>().Value.TileSource));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Pages and scripts change together with the API they call; a stale cached copy after an
            // update would call it wrongly, so the browser asks each time (a 304 when unchanged).
            OnPrepareResponse = c =>
            {
                c.Context.Response.Headers.CacheControl = "no-cache";
                c.Context.Response.Headers.ContentSecurityPolicy = policy.Value;
                c.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });

        app.MapGroup("/api/web").RequireAuthorization(Policies.Staff).WithTags("Web pages")
            .MapGet("/settings", Settings)
            .WithName("GetWebSettings")
            .WithSummary("The signed-in key's name and role, the map's tile settings, the site's time zone and the API's form limits");
        return app;
    }

    /// <summary>The pages show store names and alert comments typed by people: the policy keeps any markup
    /// that slips through from running script or loading anything from elsewhere.</summary>
    private static string ContentSecurityPolicy(string? tileSource) =>
        $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:{(tileSource is null ? "" : " " + tileSource)}; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private static Ok<WebSettings> Settings(ClaimsPrincipal user, IOptions<WebOptions> options, IOptions<SiteOptions> site)
    {
        var o = options.Value;
        return TypedResults.Ok(new WebSettings(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "",
            new MapSettings(o.TileUrl, o.TileAttribution, o.TileMaxZoom), site.Value.TimeZone, FormLimits.Current));
    }

    /// <summary>wwwroot in the project folder when the service runs from there (development, the API
    /// tests' host), else the copy the build puts beside the program (run.sh and the end-to-end tests
    /// start it from another working directory).</summary>
    private static IFileProvider WebRoot(IWebHostEnvironment environment)
    {
        var beside = Path.Combine(environment.WebRootPath ?? environment.ContentRootPath, "index.html");
        var folder = File.Exists(beside) ? Path.GetDirectoryName(beside)! : Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return new PhysicalFileProvider(folder);
    }
}
