using System.Text.RegularExpressions;

namespace ElderCare.BrowserTests;

/// <summary>The bootstrap administrator "admin" (password from ELDERCARE_ADMIN_PASSWORD); only this class signs in as it.</summary>
public sealed partial class AdminFirstSignInTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const string NewPassword = "Chongqing!Care2027";

    [Fact]
    public async Task 管理员首次登录_须先改密码并绑定双因素_之后登录须输入动态验证码且验证码不能重复使用()
    {
        var page = await chromium.NewPageAsync();
        var login = new LoginPage(page, app.BaseUrl);
        await login.OpenAsync();
        await login.SubmitPasswordAsync("admin", AppServer.AdminPassword);

        // Restricted until the password is changed and two-factor is enrolled.
        await Expect(page).ToHaveURLAsync(AccountUrl());
        var account = new AccountPage(page);
        await Expect(account.Warning).ToContainTextAsync("修改初始或已到期");
        await Expect(account.Warning).ToContainTextAsync("绑定双因素认证");
        await Expect(account.EnrolSection).ToHaveCountAsync(0);
        // Any other page sends the restricted session back here.
        await page.GotoAsync(app.BaseUrl + "/users");
        await Expect(page).ToHaveURLAsync(AccountUrl());
        await Expect(account.Warning).ToBeVisibleAsync();

        await account.ChangePasswordAsync(AppServer.AdminPassword, NewPassword);
        await Expect(page).ToHaveURLAsync(AccountUrl());
        await Expect(account.EnrolSection).ToBeVisibleAsync();
        await Expect(account.Warning).ToContainTextAsync("绑定双因素认证");
        await Expect(account.Warning).Not.ToContainTextAsync("修改初始或已到期");

        // What an authenticator app does: read the key the page prints, compute the current code.
        var secret = (await account.Secret.TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        await Expect(account.QrCode).ToBeVisibleAsync();
        // The phone has scanned the code: a reload, or a mistyped code, must not change the key.
        await page.ReloadAsync();
        await Expect(account.Secret).ToHaveTextAsync(secret);
        await account.Code.FillAsync("000000");
        await account.Enrol.ClickAsync();
        await Expect(account.CodeError).ToContainTextAsync("验证码不正确");
        await Expect(account.Secret).ToHaveTextAsync(secret);

        var admin = new TestUser("admin", NewPassword, Base32.Decode(secret), app.Clock);
        await account.Code.FillAsync(admin.NextCode());
        await account.Enrol.ClickAsync();

        await Expect(account.RecoveryCodesHeading).ToBeVisibleAsync();
        await Expect(account.EnrolledMessage).ToBeVisibleAsync();
        await Expect(account.RecoveryCodes).ToHaveCountAsync(10);
        await Expect(account.CopyCodes).ToBeVisibleAsync();
        await Expect(account.PrintCodes).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => account.DownloadCodes.ClickAsync());
        var saved = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(10, saved.Count(l => l.Length > 0));
        await account.Continue.ClickAsync();
        var dashboard = new DashboardPage(page, app.BaseUrl);
        await Expect(dashboard.Heading).ToHaveTextAsync("全区养老服务全覆盖概览");
        await Expect(new MastheadPart(page).NavLink("用户管理")).ToBeVisibleAsync();

        // Sign out, and in again: now the password alone is not enough.
        await new MastheadPart(page).SignOut.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login$"));
        await login.SubmitPasswordAsync("admin", NewPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("双因素认证");

        // The code used for enrolment is spent (no replay) ...
        await login.SubmitCodeAsync(admin.LastCode());
        await Expect(login.Error).ToContainTextAsync("验证码不正确或已使用过");
        // ... the next one signs in.
        await login.SubmitCodeAsync(admin.NextCode());
        await Expect(dashboard.Heading).ToHaveTextAsync("全区养老服务全覆盖概览");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
    }

    [GeneratedRegex("/account$")]
    private static partial Regex AccountUrl();
}
