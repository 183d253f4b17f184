using System.Globalization;
using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

public sealed class AuditPageTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 审计员查看登录记录_按用户和操作筛选_导出同条件的Excel_哈希链校验完整()
    {
        // Some sign-ins to look at: one that fails, one that succeeds.
        var staff = await app.UserAsync(Role.DistrictStaff);
        var someone = await chromium.NewPageAsync();
        var login = new LoginPage(someone, app.BaseUrl);
        await login.OpenAsync();
        await login.UserName.FillAsync(staff.UserName);
        await login.Password.FillAsync("Not-the-password-1");
        await login.SignIn.ClickAsync();
        await Expect(login.Error).ToBeVisibleAsync();
        await someone.SignInAsync(app, staff);

        // The auditor starts at the audit log: it reads no coverage.
        var auditor = await app.UserAsync(Role.Auditor);
        var page = await chromium.NewSignedInPageAsync(app, auditor);
        await page.GotoAsync(app.BaseUrl + "/");
        var audit = new AuditPage(page, app.BaseUrl);
        await Expect(audit.Heading).ToHaveTextAsync("审计日志");
        await Expect(audit.Rows.First).ToContainTextAsync(auditor.UserName); // newest first: the auditor's own sign-in

        await audit.UserName.FillAsync(staff.UserName);
        await audit.ChooseAsync(audit.Action, "登录");
        await audit.Query.ClickAsync();
        await Expect(audit.Rows).ToHaveCountAsync(2);
        var success = audit.Rows.Filter(new() { HasText = "成功" });
        var failure = audit.Rows.Filter(new() { HasText = "失败" });
        await Expect(success).ToContainTextAsync("auth.sign-in");
        await Expect(success).ToContainTextAsync("127.0.0.1");
        await Expect(failure).ToContainTextAsync("wrong-password");
        // Times are China time (UTC+8).
        var today = new[] { app.Clock.GetUtcNow().UtcDateTime, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5) }
            .Select(t => t.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct();
        var time = (await success.GetByRole(AriaRole.Rowheader).TextContentAsync())!.Trim();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", time);
        Assert.Contains(time[..10], today);

        await audit.ChooseAsync(audit.Outcome, "失败");
        await audit.Query.ClickAsync();
        await Expect(audit.Rows).ToHaveCountAsync(1);
        await Expect(audit.Rows.First).ToContainTextAsync("wrong-password");

        // The export carries the same filters, and the API takes the sign-in cookie.
        var href = await audit.ExportLink.GetAttributeAsync("href");
        Assert.Contains("userName=" + staff.UserName, href, StringComparison.Ordinal);
        Assert.Contains("action=auth.sign-in", href, StringComparison.Ordinal);
        Assert.Contains("outcome=failure", href, StringComparison.Ordinal);
        var download = await page.RunAndWaitForDownloadAsync(() => audit.ExportLink.ClickAsync());
        var xlsx = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);

        await audit.VerifyChain.ClickAsync();
        await Expect(audit.ChainResult).ToContainTextAsync("哈希链完整");
        // Verifying keeps the search.
        await Expect(audit.Rows).ToHaveCountAsync(1);
        await Expect(audit.UserName).ToHaveValueAsync(staff.UserName);
    }
}
