using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;

namespace ElderCare.BrowserTests;

public sealed partial class UsersPageTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    [Fact]
    public async Task 管理员新增昌元街道的镇街用户_漏选街道时字段旁提示_列表中手机号脱敏_填写理由后可查看完整号码()
    {
        var admin = await app.UserAsync(Role.DistrictAdmin, canUnmask: true, twoFactor: true);
        var page = await chromium.NewSignedInPageAsync(app, admin);
        await page.GotoAsync(app.BaseUrl + "/");
        await new MastheadPart(page).NavLink("用户管理").ClickAsync();
        var users = new UsersPage(page, app.BaseUrl);
        await Expect(users.Heading).ToHaveTextAsync("用户管理");

        // The street select belongs to town officers only: it shows once that role is chosen.
        await Expect(users.Region).ToBeHiddenAsync();
        await users.UserName.FillAsync("changyuan.wang");
        await users.DisplayName.FillAsync("王晓燕");
        await users.ChooseAsync(users.Role, "镇街");
        await Expect(users.Region).ToBeVisibleAsync();
        await Expect(users.Facilities).ToBeHiddenAsync();
        await users.Mobile.FillAsync("13812345678");
        await users.Password.FillAsync("Changyuan#Officer26");
        await users.Add.ClickAsync();

        await Expect(users.ErrorSummary).ToContainTextAsync("提交的数据有误");
        await Expect(await users.Region.ErrorMessageAsync()).ToContainTextAsync("镇街用户须指定所属街道或镇");
        await Expect(users.UserName).ToHaveValueAsync("changyuan.wang");
        await Expect(users.Role).ToHaveValueAsync("town-officer");

        await users.ChooseAsync(users.Region, "昌元街道（街道）");
        await users.Password.FillAsync("Changyuan#Officer26");
        await users.Add.ClickAsync();

        await Expect(users.Flash).ToContainTextAsync("已新增用户 changyuan.wang（镇街）");
        var row = users.Row("changyuan.wang");
        await Expect(row).ToContainTextAsync("王晓燕");
        await Expect(row).ToContainTextAsync("镇街");
        await Expect(row).ToContainTextAsync("昌元街道");
        await Expect(row).ToContainTextAsync("138****5678");
        await Expect(row).ToContainTextAsync("待修改初始密码");
        await Expect(page.GetByText("13812345678")).ToHaveCountAsync(0);

        // Unmasking asks for a reason, then shows the number once.
        await users.Action("查看 changyuan.wang 的完整手机号").ClickAsync();
        await Expect(page.GetByText("138****5678")).ToBeVisibleAsync();
        await users.Unmask.ClickAsync();
        await Expect(await users.Reason.ErrorMessageAsync()).ToContainTextAsync("请填写查看完整信息的理由");
        await users.Reason.FillAsync("核实账户开通，需电话联系本人");
        await users.Unmask.ClickAsync();
        await Expect(page.GetByText("13812345678", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("已记入审计日志")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task 没有查看完整信息权限的管理员_打开查看手机号页面时看到中文拒绝说明()
    {
        var target = await app.UserAsync(Role.DistrictStaff, mobile: "13987654321");
        var admin = await app.UserAsync(Role.DistrictAdmin, twoFactor: true);
        var page = await chromium.NewSignedInPageAsync(app, admin);
        var users = new UsersPage(page, app.BaseUrl);
        await users.OpenAsync();
        await Expect(users.Row(target.UserName)).ToContainTextAsync("139****4321");

        await users.Action($"查看 {target.UserName} 的完整手机号").ClickAsync();
        await Expect(users.Heading).ToHaveTextAsync("无权查看完整手机号");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("您没有查看完整个人信息的权限");
        await Expect(users.Reason).ToHaveCountAsync(0);
        await Expect(page.GetByText("13987654321")).ToHaveCountAsync(0);
        var response = await page.ReloadAsync();
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task 重置密码和停用都先确认_新密码只显示一次_停用后该用户不能登录_无JavaScript也可操作()
    {
        var target = await app.UserAsync(Role.DistrictStaff);
        var admin = await app.UserAsync(Role.DistrictAdmin, twoFactor: true);
        var page = await chromium.NewSignedInPageAsync(app, admin, javaScript: false);
        var users = new UsersPage(page, app.BaseUrl);
        await users.OpenAsync();

        // Reset: a confirmation page, then the generated password once.
        await users.Action($"重置 {target.UserName} 的密码").ClickAsync();
        await Expect(users.Heading).ToHaveTextAsync($"重置用户 {target.UserName} 的密码？");
        await users.Button("确认重置密码").ClickAsync();
        await Expect(users.Flash).ToContainTextAsync($"已重置用户 {target.UserName} 的密码");
        var password = (await users.OneTimePassword.TextContentAsync())!.Trim();
        Assert.Equal(16, password.Length);
        await users.OpenAsync();
        await Expect(users.OneTimePassword).ToHaveCountAsync(0);

        // The user signs in with it and must change it first.
        var theirs = await chromium.NewPageAsync();
        var login = new LoginPage(theirs, app.BaseUrl);
        await login.OpenAsync();
        await login.SubmitPasswordAsync(target.UserName, password);
        await Expect(theirs).ToHaveURLAsync(AccountUrl());
        await Expect(new AccountPage(theirs).Warning).ToContainTextAsync("修改初始或已到期");

        // Disable: a confirmation page; the row then says so and offers 启用.
        await users.Action($"停用 {target.UserName}").ClickAsync();
        await Expect(users.Heading).ToHaveTextAsync($"停用用户 {target.UserName}？");
        await users.Button("确认停用").ClickAsync();
        await Expect(users.Flash).ToContainTextAsync($"已停用用户 {target.UserName}");
        await Expect(users.Row(target.UserName)).ToContainTextAsync("已停用");
        await Expect(users.Button($"启用 {target.UserName}")).ToBeVisibleAsync();

        // Their session has ended, and signing in again fails like a wrong password.
        await theirs.ReloadAsync();
        await Expect(theirs).ToHaveURLAsync(new Regex("/account/login"));
        await login.UserName.FillAsync(target.UserName);
        await login.Password.FillAsync(password);
        await login.SignIn.ClickAsync();
        await Expect(login.Error).ToContainTextAsync("用户名或密码错误");

        await users.Button($"启用 {target.UserName}").ClickAsync();
        await Expect(users.Flash).ToContainTextAsync($"已启用用户 {target.UserName}");
        await Expect(users.Row(target.UserName)).ToContainTextAsync("正常");
    }

    [Fact]
    public async Task 修改用户把镇街用户调到峰高街道_保存后列表显示新范围_手机号留空则保留()
    {
        var officer = await app.UserAsync(Role.TownOfficer, region: "500153001", mobile: "13811112222");
        var admin = await app.UserAsync(Role.DistrictAdmin, twoFactor: true);
        var page = await chromium.NewSignedInPageAsync(app, admin);
        var users = new UsersPage(page, app.BaseUrl);
        await users.OpenAsync();
        await users.Action($"修改 {officer.UserName}").ClickAsync();

        await Expect(users.Heading).ToHaveTextAsync($"修改用户 {officer.UserName}");
        var region = page.GetByLabel("所属街道或镇");
        await Expect(region).ToHaveValueAsync("500153001");
        await Expect(page.GetByLabel("手机号", new() { Exact = true })).ToHaveValueAsync(""); // never the full number
        await Expect(page.GetByText("现为 138****2222")).ToBeVisibleAsync();
        await users.ChooseAsync(region, "峰高街道（街道）");
        await users.Button("保存修改").ClickAsync();

        await Expect(users.Flash).ToContainTextAsync("角色或权限已变化");
        await Expect(users.Row(officer.UserName)).ToContainTextAsync("峰高街道");
        await Expect(users.Row(officer.UserName)).ToContainTextAsync("138****2222");
    }

    [GeneratedRegex("/account$")]
    private static partial Regex AccountUrl();
}
