using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Integrations;

/// <summary>The administrator's pages: create (the secret shown once, with a copy button), rotate, revoke after a confirmation.</summary>
[Collection(nameof(SharedApp))]
public partial class ApiClientPagesTests(AppFactory app)
{
    private async Task<HttpClient> AdminBrowser()
    {
        var browser = app.Browser();
        browser.DefaultRequestHeaders.Authorization = (await app.ClientAs(Role.DistrictAdmin)).DefaultRequestHeaders.Authorization;
        return browser;
    }

    private static async Task<HttpResponseMessage> Post(HttpClient browser, string page, string action, params (string, string)[] fields) =>
        await browser.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
            .Append(new("__RequestVerificationToken", await browser.FormToken(page)))));

    [Fact]
    public async Task A_client_made_on_the_page_shows_its_secret_once_then_is_rotated_and_revoked()
    {
        var browser = await AdminBrowser();
        var name = $"呼叫中心{Make.Serial()}";
        var created = await Post(browser, "/integrations/clients/new", "/integrations/clients/new",
            ("name", name), ("role", "district-staff"), ("expiresOn", "2027-06-30"), ("requestsPerMinute", ""));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var first = await browser.GetStringAsync(details);
        var secret = Secret().Match(first).Groups[1].Value;
        Assert.StartsWith("ecs_", secret, StringComparison.Ordinal);
        Assert.Contains("data-copy=\"one-time-secret\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await browser.GetStringAsync(details), StringComparison.Ordinal); // shown once
        Assert.Contains(name, await browser.GetStringAsync("/integrations/clients"), StringComparison.Ordinal);

        var caller = app.CreateClient();
        caller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/api/facilities")).StatusCode);

        var rotated = await Post(browser, details, details + "?handler=rotate");
        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        Assert.Matches(Secret(), await browser.GetStringAsync(details));
        var third = await Post(browser, details, details + "?handler=rotate");
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode); // two active already
        Assert.Contains("最多同时有 2 个有效密钥", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("确认停用", await browser.GetStringAsync(details + "/revoke"), StringComparison.Ordinal);
        var revoked = await Post(browser, details + "/revoke", details + "/revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await caller.GetAsync("/api/facilities")).StatusCode);
        Assert.Contains("已停用", await browser.GetStringAsync(details), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_form_is_answered_beside_the_fields_in_chinese()
    {
        var browser = await AdminBrowser();
        var page = await Post(browser, "/integrations/clients/new", "/integrations/clients/new", ("name", ""), ("role", "district-admin"),
            ("expiresOn", "2020-01-01"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("请填写接口账户名称", html, StringComparison.Ordinal);
        Assert.Contains("不能是全区管理员", html, StringComparison.Ordinal);
        Assert.Contains("有效期至不能早于今天", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_client_is_the_not_found_panel()
    {
        var browser = await AdminBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/integrations/clients/{Guid.CreateVersion7()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/integrations/clients/{Guid.CreateVersion7()}/revoke")).StatusCode);
    }

    [GeneratedRegex("id=\"one-time-secret\">(ecs_[A-Za-z0-9_-]+)<")]
    private static partial Regex Secret();
}
