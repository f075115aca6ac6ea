using Driehoek.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Driehoek.Tests.Browser;

/// <summary>
/// The app on a real loopback port, and Debian's Chromium driven by Playwright. Never downloads a
/// browser: a missing /usr/bin/chromium fails the lane (scripts/test.sh installs it).
/// </summary>
public sealed class BrowserApp() : TestApp(DatabaseProvider.Sqlite, kestrel: true)
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        // HTTP clients (to build a test's world) talk to the same real port as the browser.
        ClientOptions.BaseAddress = new Uri(BaseUrl);
        Assert.True(File.Exists(TestEnvironment.Chromium), $"{TestEnvironment.Chromium} is missing: run scripts/test.sh, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the app serves the published output; from the build output the browser gets the
        // style sheets only through the static web assets manifest (without it every page renders unstyled).
        builder.UseStaticWebAssets();
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync(string locale = "nl-NL")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        // 30 s: the browser lane runs next to the database lanes on 2 cores; a page that never comes still fails.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in through the form by its field ids, so it works in every language; an account with an authenticator
    /// gets the code page next, and the code its app shows.
    /// </summary>
    public async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("main form button.primary").ClickAsync();
        await page.WaitForSelectorAsync("form[action='/account/sign-out'], form input#Code");
        if (await Authenticators.CodeAsync(this, email) is { } code && page.Url.Contains("/account/two-factor", StringComparison.Ordinal))
        {
            await page.Locator("#Code").FillAsync(code);
            await page.Locator("main form button.primary").ClickAsync();
        }
        await page.WaitForSelectorAsync("form[action='/account/sign-out']");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
