using System.Net.Http.Headers;
using Logistics.Data;
using Logistics.Data.Security;
using Logistics.EndToEnd.Tests.Service;
using Microsoft.Playwright;

namespace Logistics.EndToEnd.Tests.Web;

/// <summary>The service as a real process with its own SQLite file, one API key per role made before
/// it starts, and a headless Chromium. Alert delays are seconds instead of minutes so that a test's
/// excursion opens quickly. Share one per test class with IClassFixture.</summary>
public sealed class WebService : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ServiceProcess? _service;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");
    public Uri BaseUrl => Service.BaseUrl;
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <summary>Where screenshots go: the results folder of the infra profile the tests run with.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, ".run",
        Environment.GetEnvironmentVariable("LOGISTICS_PROFILE") is { Length: > 0 } p ? p : "test", "results", "screenshots");

    public string Token(string role) => _tokens[role];

    /// <summary>Yesterday at the depot (Nanning): a day whose routes lie wholly in the past, so devices
    /// may report readings along them (the listener refuses device times in the future).</summary>
    public static string SiteYesterday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SiteZone).DateTime).AddDays(-1).ToString("yyyy-MM-dd");

    public static TimeZoneInfo SiteZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task InitializeAsync()
    {
        var configuration = ServiceProcess.TestServerConfiguration(new Dictionary<string, string>
        {
            ["Alerts__Profiles__tobacco__WarningDelay"] = "00:00:20",
            ["Alerts__Profiles__tobacco__CriticalDelay"] = "00:00:10",
            ["Alerts__Profiles__tobacco__ClearHold"] = "00:00:20",
            ["Alerts__Trend__Enabled"] = "false",
        });
        var database = new LogisticsDatabase(configuration["Database__Path"]);
        await database.MigrateAsync();
        var keys = new ApiKeyStore(database);
        foreach (var role in Role.All) _tokens[role] = (await keys.CreateAsync($"e2e {role}", role)).Token;
        _service = await ServiceProcess.StartAsync(configuration);
        (_playwright, _browser) = await Chromium.LaunchAsync();
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>An HTTP client with the key of <paramref name="role"/>, for setting up what a page then shows.</summary>
    public HttpClient ApiClient(string role)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role));
        return client;
    }

    /// <summary>The browser's own locale and time zone in every page test: a US office PC's, neither ISO nor the
    /// site's, so a page that let either leak into its dates and times (12/04/2026, 1:50 AM) would fail.</summary>
    public const string BrowserLocale = "en-US", BrowserTimeZone = "America/New_York";

    /// <summary>A new browser context (its own sessionStorage) with a page at the start page. Console
    /// errors, failed requests and error answers of the page are collected, so a test can assert there are none.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(), Locale = BrowserLocale, TimezoneId = BrowserTimeZone,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        // A request cut short by leaving the page (ERR_ABORTED) is no fault of the page.
        page.RequestFailed += (_, r) => { if (r.Failure != "net::ERR_ABORTED") problems.Add($"request failed: {r.Url} {r.Failure}"); };
        await page.GotoAsync("/");
        return (context, page, problems);
    }

    /// <summary>Signs in on the start page as a person would: pastes the key and submits.</summary>
    public async Task SignInAsync(IPage page, string role)
    {
        await page.FillAsync("#api-key", Token(role));
        await page.ClickAsync("#sign-in-button");
        await Assertions.Expect(page.Locator("#user-role")).ToHaveTextAsync(role);
    }

    /// <summary>Opens a page of the site and waits until its script has set its defaults, so that what
    /// the test types is not overwritten by them.</summary>
    public static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("body[data-ready='true']");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
            await Telemetry.ServiceProbe.CleanUpAsync(_service.Configuration);
        }
    }
}
