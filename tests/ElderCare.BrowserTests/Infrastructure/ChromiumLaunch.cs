namespace ElderCare.BrowserTests.Infrastructure;

/// <summary>
/// How the machine's Chromium is started, by the browser tests and by the page-load benchmark alike (the bench links
/// this file): /usr/bin/chromium, never a downloaded browser, headless, with Chromium's idle work switched off.
/// </summary>
public static class ChromiumLaunch
{
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

    public static Microsoft.Playwright.BrowserTypeLaunchOptions Options() => new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-features=" + DisabledFeatures,
        ],
    };
}
