using System.Net;
using System.Net.Http.Json;
using Logistics.Data.Security;
using Logistics.Service.WebPages;

namespace Logistics.Service.Tests.WebPages;

public class WebPagesApiTests : IClassFixture<WebPagesApiTests.TiledHost>
{
    private readonly TiledHost _host;

    public WebPagesApiTests(TiledHost host) => _host = host;

    /// <summary>A host with map tiles configured.</summary>
    public sealed class TiledHost : ServiceHost
    {
        public TiledHost()
        {
            Settings["Web:TileUrl"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png";
            Settings["Web:TileAttribution"] = "© example contributors";
        }
    }

    [Fact]
    public async Task Settings_name_the_keys_user_and_role_and_the_configured_tiles()
    {
        using var client = await _host.ClientAsync(Role.Dispatcher, "wang.fang");

        var settings = await client.GetFromJsonAsync<WebSettings>("/api/web/settings");

        Assert.NotNull(settings);
        Assert.Equal(("wang.fang", Role.Dispatcher), (settings.User, settings.Role));
        Assert.Equal(new MapSettings("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "© example contributors", 18), settings.Map);
    }

    /// <summary>The pages' forms take their limits from here; these are the API's own checks (a demo day of
    /// 5,001 stores is refused, 5,000 accepted), so form and API cannot disagree.</summary>
    [Fact]
    public async Task Settings_carry_the_api_limits_and_the_site_time_zone()
    {
        using var client = await _host.ClientAsync(Role.Dispatcher);
        var settings = (await client.GetFromJsonAsync<WebSettings>("/api/web/settings"))!;
        Assert.Equal("Asia/Shanghai", settings.TimeZone);
        Assert.Equal((5000, 500, 1, 600, 2000), (settings.Limits.MaxDemoStores, settings.Limits.MaxDemoTrucks,
            settings.Limits.MinTimeLimitSeconds, settings.Limits.MaxTimeLimitSeconds, settings.Limits.MaxCommentLength));
        Assert.Equal(("2000-01-01", "2099-12-31"), (settings.Limits.FirstDay, settings.Limits.LastDay));

        var over = await client.PostAsJsonAsync("/api/demo-day", new { date = "2026-11-23", stores = settings.Limits.MaxDemoStores + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains($"'{settings.Limits.MaxDemoStores + 1}'", await over.Content.ReadAsStringAsync());
        var overTime = await client.PostAsJsonAsync("/api/plans", new { date = "2026-11-23", timeLimitSeconds = settings.Limits.MaxTimeLimitSeconds + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, overTime.StatusCode);
        var accepted = await client.PostAsJsonAsync("/api/demo-day", new { date = "2026-11-23", stores = 20, trucks = settings.Limits.MaxDemoTrucks });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Settings_need_a_key()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync("/api/web/settings");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "<title>Logistics — sign in</title>")]
    [InlineData("/dispatch.html", "js/dispatch.js")]
    [InlineData("/qa.html", "js/qa.js")]
    [InlineData("/js/api.js", "export async function api")]
    public async Task Pages_are_served_without_a_key_and_their_policy_allows_images_only_from_the_tile_servers(string path, string expected)
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: https://*.tiles.example.org;", policy);
        Assert.Contains("script-src 'self';", policy);
    }

    [Theory]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png", "is not an http(s) URL template")]
    [InlineData("https://tiles.example.org/{z}/{x}.png", "lacks one of {z}, {x}, {y}")]
    public void A_tile_url_that_is_not_a_template_is_refused_naming_the_setting_and_value(string url, string why)
    {
        var options = new WebOptions { TileUrl = url };
        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        var message = Assert.Single(results).ErrorMessage;
        Assert.Contains($"Web:TileUrl: '{url}'", message);
        Assert.Contains(why, message);
    }

    [Fact]
    public void No_tile_url_means_no_tiles_and_no_other_image_source()
    {
        var options = new WebOptions();
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Null(options.TileSource);
        Assert.Equal("http://localhost:8080", new WebOptions { TileUrl = "http://localhost:8080/{z}/{x}/{y}.png" }.TileSource);
    }
}
