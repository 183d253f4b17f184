using System.Runtime.CompilerServices;

[assembly: AssemblyFixture(typeof(ElderCare.BrowserTests.Infrastructure.Chromium))]
// Two cores: one app and one Chromium at a time keeps runs short and steady.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ElderCare.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run, started as <see cref="ChromiumLaunch"/> says (this project must never run
/// <c>playwright install</c>). Each test gets its own context (cookies, storage).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<(Xunit.Sdk.ITest? Test, IBrowserContext Context)> _open = [];

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(ChromiumLaunch.Options());
    }

    /// <summary>A fresh page at a desk-sized viewport (or another size) in Chinese, on China time.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900, bool javaScript = true)
    {
        // Tests run one at a time (above), so a context opened by another test belongs to one that has ended: closed here,
        // or its pages would go on running their timers, maps and live connections in Chromium to the end of the run (ADR 26).
        var test = TestContext.Current.Test;
        foreach (var ended in _open.Where(o => o.Test != test).ToList())
        {
            await ended.Context.CloseAsync();
            _open.Remove(ended);
        }
        var context = await _browser!.NewContextAsync(new()
        {
            JavaScriptEnabled = javaScript,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        _open.Add((test, context));
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
