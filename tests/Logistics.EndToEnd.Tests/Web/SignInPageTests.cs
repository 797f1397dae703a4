using Logistics.Data.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Logistics.EndToEnd.Tests.Web;

public class SignInPageTests(WebService web) : IClassFixture<WebService>
{
    [Fact]
    public async Task A_wrong_key_shows_the_services_problem_and_a_right_one_shows_the_role_and_its_pages()
    {
        var (context, page, problems) = await web.OpenAsync();
        await using var _ = context;

        await page.FillAsync("#api-key", "lk_000000000000_not-a-real-secret");
        await page.ClickAsync("#sign-in-button");
        await Expect(page.Locator(".message.error")).ToContainTextAsync("Not signed in");
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();

        await web.SignInAsync(page, Role.Qa);
        await Expect(page.Locator("#user-name")).ToHaveTextAsync("e2e qa");
        // QA reads the forecast page too (the peaks before they come); it has no dispatch page.
        await Expect(page.Locator("#pages a")).ToHaveCountAsync(2);
        await Expect(page.Locator("#pages a").First).ToHaveAttributeAsync("href", "qa.html");
        await Expect(page.Locator("#pages a").Last).ToHaveAttributeAsync("href", "forecast.html");
        await WebService.ScreenshotAsync(page, "sign-in-qa");

        // The key lives in the tab's sessionStorage: a reload keeps the session, another tab (context) does not.
        await page.ReloadAsync();
        await Expect(page.Locator("#user-role")).ToHaveTextAsync(Role.Qa);
        Assert.Equal(web.Token(Role.Qa), await page.EvaluateAsync<string>("sessionStorage.getItem('logistics.apiKey')"));
        Assert.DoesNotContain(problems, p => p.StartsWith("page error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_the_role_may_not_use_says_so_and_a_page_without_a_key_goes_to_sign_in()
    {
        var (context, page, _) = await web.OpenAsync();
        await using var __ = context;

        await page.GotoAsync("/qa.html");
        await page.WaitForURLAsync("**/index.html");

        await web.SignInAsync(page, Role.Dispatcher);
        await page.GotoAsync("/qa.html");
        await Expect(page.Locator(".message.error")).ToContainTextAsync("has role 'dispatcher'; this page needs qa or admin");
    }

    [Fact]
    public async Task Pages_and_libraries_are_served_with_a_content_security_policy()
    {
        using var http = new HttpClient { BaseAddress = web.BaseUrl };
        foreach (var path in new[] { "/", "/dispatch.html", "/qa.html", "/js/api.js", "/lib/leaflet/leaflet-src.esm.js", "/lib/uplot/uPlot.esm.js" })
        {
            using var response = await http.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        }
    }
}
