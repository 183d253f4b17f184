using System.Runtime.CompilerServices;

[assembly: AssemblyFixture(typeof(ElderCare.BrowserTests.Infrastructure.Chromium))]
// Two cores: one app and one Chromium at a time keeps runs short and steady.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ElderCare.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run: the machine's /usr/bin/chromium, never a downloaded browser
/// (this project must never run <c>playwright install</c>). Each test gets its own context (cookies, storage).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Chromium reads only the last <c>--disable-features</c>, so this one repeats the list Playwright passes (as of the
    /// pinned version) and adds the omnibox pop-ups: Chromium 15x's headless mode is the full browser, and it starts
    /// two WebUI renderers (chrome://omnibox-popup.top-chrome) for every window, i.e. for every test's context. Without
    /// them the browser suite needs about 30 % less time on two cores (ADR 26).
    /// </summary>
    private const string DisabledFeatures =
        "AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,DialMediaRouteProvider,GlobalMediaControls,HttpsUpgrades,"
        + "LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,BlockOriginHeaderModificationOnRedirect,"
        + "AvoidCorsURLLoaderRestartOnRedirect,Translate,AutoDeElevate,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,"
        + "WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-features=" + DisabledFeatures,
            ],
        });
    }

    /// <summary>A fresh page at a desk-sized viewport (or another size) in Chinese, on China time.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900, bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            JavaScriptEnabled = javaScript,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Where committed artefacts go: found from this source file, since the build output may live elsewhere.</summary>
public static class RepoPaths
{
    public static string Root([CallerFilePath] string here = "")
    {
        for (var dir = Path.GetDirectoryName(here); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "ElderCare.slnx"))) return dir;
        throw new InvalidOperationException("ElderCare.slnx not found above " + here);
    }
}
