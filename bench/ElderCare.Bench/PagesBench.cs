using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using ElderCare.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace ElderCare.Bench;

/// <summary>
/// Page load in the browser (goal: every page under 300 ms, the dashboard under 500 ms; median of 5 warm loads): the app
/// as its own process on a fresh SQLite file with the demo district (<c>seed --demo</c>), signed in as district staff in
/// the machine's Chromium. The pages are found, not listed: every link of the main navigation, and from each of those
/// pages its first record (details), its "new" form and the pages it links to. A load is the browser's Navigation Timing from the start of the
/// navigation to the end of the load event (HTML, styles, scripts, charts' first draw). Baseline in the same process and
/// rounds: the same page fetched with HttpClient and the same session cookie (server time and transfer only), checked to
/// be the same page (status and title) before timing.
/// </summary>
public static partial class PagesBench
{
    private const string UserName = "bench.pages";
    private const string FirstPassword = "Rongchang#Bench2026";
    private const string Password = "Rongchang#Pages2026";
    private const double PageGoalMs = 300, DashboardGoalMs = 500;

    private const string NavigationTiming = """
        () => { const n = performance.getEntriesByType('navigation')[0];
                return n && n.loadEventEnd > 0 ? [n.responseStart - n.requestStart, n.loadEventEnd - n.startTime] : null; }
        """;

    public static async Task<int> RunAsync(int rounds)
    {
        using var app = new AppProcess(port: 5394, settings: new Dictionary<string, string> { ["Security__SignInAttemptsPerMinute"] = "1000" });
        var seeded = Stopwatch.StartNew();
        await app.CommandAsync(null, "seed", "--demo");
        await app.CommandAsync(FirstPassword, "users", "add", UserName, "--role", "district-staff");
        Console.WriteLine($"Demo district seeded in {seeded.Elapsed.TotalSeconds:F0} s.");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Url), Timeout = TimeSpan.FromSeconds(30) };
        (await http.PostAsJsonAsync("/api/auth/password", new { userName = UserName, currentPassword = FirstPassword, newPassword = Password }))
            .EnsureSuccessStatusCode();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(ChromiumLaunch.Options());
        var context = await browser.NewContextAsync(new()
        {
            Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await SignInAsync(page, app.Url);
        var cookie = string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        var pages = await FindPagesAsync(page, app.Url);

        // Checked equal before timing: the server answers the same page (status 200, same title) to the bare client.
        foreach (var url in pages)
        {
            await page.GotoAsync(app.Url + url);
            var (status, title) = await FetchAsync(http, cookie, url);
            var shown = await page.TitleAsync();
            if (status != HttpStatusCode.OK || title != shown)
                throw new InvalidOperationException($"{url}: the browser shows '{shown}', the client got {(int)status} '{title}'");
        }

        var browserMs = pages.ToDictionary(u => u, _ => new List<double>());
        var serverMs = pages.ToDictionary(u => u, _ => new List<double>());
        var firstByteMs = pages.ToDictionary(u => u, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var url in pages)
            {
                await page.GotoAsync(app.Url + url, new() { WaitUntil = WaitUntilState.Load });
                var timing = await (await page.WaitForFunctionAsync(NavigationTiming)).JsonValueAsync<double[]>();
                firstByteMs[url].Add(timing[0]);
                browserMs[url].Add(timing[1]);
                var watch = Stopwatch.StartNew();
                await FetchAsync(http, cookie, url);
                serverMs[url].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var body = new StringBuilder()
            .AppendLine($"Median of {rounds} warm loads per page (one untimed load each first), pages interleaved. " +
                "Browser: Navigation Timing, navigation start to the end of the load event, in headless Chromium at 1440×900. " +
                "Server: the same URL through HttpClient with the session cookie (whole body read), in the same rounds.")
            .AppendLine()
            .AppendLine("| page | browser load | goal | met | server (HttpClient) | browser / server | time to first byte |")
            .AppendLine("|---|---|---|---|---|---|---|");
        var missed = 0;
        foreach (var url in pages)
        {
            var load = Results.Percentile(browserMs[url], 0.5);
            var server = Results.Percentile(serverMs[url], 0.5);
            var goal = url == "/" ? DashboardGoalMs : PageGoalMs;
            if (load >= goal) missed++;
            body.AppendLine(CultureInfo.InvariantCulture, $"| `{url}` | {Results.Ms(load)} | < {goal:0} ms | {Results.Mark(load < goal)} | " +
                $"{Results.Ms(server)} | {load / server:0.0}× | {Results.Ms(Results.Percentile(firstByteMs[url], 0.5))} |");
        }
        body.AppendLine()
            .AppendLine(missed == 0 ? $"All {pages.Count} pages meet their goal." : $"**{missed} of {pages.Count} pages miss their goal.**");
        Results.Write("pages", $"the demo district of `seed --demo` (synthetic Rongchang), signed in as district staff; {pages.Count} pages " +
            "found from the main navigation and the pages it links to", body.ToString());
        return missed == 0 ? 0 : 1;
    }

    private static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(UserName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>The main navigation's pages, then each one's first record, its "new" form and the pages it links to, one per
    /// URL shape.</summary>
    private static async Task<List<string>> FindPagesAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/");
        var nav = await page.EvalOnSelectorAllAsync<string[]>("nav.mainnav a[href^='/']", "as => as.map(a => a.getAttribute('href'))");
        var found = new List<string>();
        var shapes = new HashSet<string>();
        void Add(string? url)
        {
            if (url is null || url.StartsWith("/api", StringComparison.Ordinal) || url.Contains('#', StringComparison.Ordinal)) return;
            if (shapes.Add(Ids().Replace(url.Split('?')[0], "{id}"))) found.Add(url);
        }
        foreach (var url in nav) Add(url);
        foreach (var url in nav)
        {
            await page.GotoAsync(baseUrl + url);
            Add(await page.EvalOnSelectorAllAsync<string?>("main table tbody a[href^='/']", "as => as.length ? as[0].getAttribute('href') : null"));
            Add(await page.EvalOnSelectorAllAsync<string?>("main a[href$='/new']", "as => as.length ? as[0].getAttribute('href') : null"));
            // Pages reached from a page rather than the navigation (报警记录, 到期重新评估, 长期订餐…); downloads are not pages.
            foreach (var link in await page.EvalOnSelectorAllAsync<string[]>("main a[href^='/']:not([download])",
                         "as => as.map(a => a.getAttribute('href'))"))
                Add(link);
        }
        Add("/public/map"); // the public map, loaded signed in here (it needs no sign-in)
        return found;
    }

    private static async Task<(HttpStatusCode Status, string Title)> FetchAsync(HttpClient http, string cookie, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var title = TitleTag().Match(html);
        return (response.StatusCode, title.Success ? WebUtility.HtmlDecode(title.Groups[1].Value).Trim() : "");
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleTag();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|/[0-9]+(?=/|$)")]
    private static partial Regex Ids();
}
