namespace ElderCare.BrowserTests.Pages;

/// <summary>我的账户 (/account): change the password, enrol two-factor (TOTP), recovery codes.</summary>
public sealed class AccountPage(IPage page)
{
    public ILocator Warning => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "为保障账户安全" });

    public ILocator CurrentPassword => page.GetByLabel("当前密码", new() { Exact = true });
    public ILocator NewPassword => page.GetByLabel("新密码", new() { Exact = true });
    public ILocator ConfirmPassword => page.GetByLabel("再次输入新密码", new() { Exact = true });
    public ILocator ChangePassword => page.GetByRole(AriaRole.Button, new() { Name = "修改密码" });

    public ILocator EnrolSection => page.GetByRole(AriaRole.Heading, new() { Name = "绑定双因素认证" });

    /// <summary>The key as the page prints it for manual entry in an authenticator app (base32).</summary>
    public ILocator Secret => page.Locator("code.totp-secret");

    /// <summary>The otpauth URI as a QR code drawn by the server (inline SVG).</summary>
    public ILocator QrCode => page.GetByRole(AriaRole.Img, new() { Name = "用认证器应用扫描此二维码" });

    public ILocator Code => page.GetByLabel("验证码", new() { Exact = true });

    /// <summary>The message beside the code field.</summary>
    public ILocator CodeError => page.Locator("#code-error");
    public ILocator Enrol => page.GetByRole(AriaRole.Button, new() { Name = "绑定", Exact = true });

    public ILocator RecoveryCodesHeading => page.GetByRole(AriaRole.Heading, new() { Name = "双因素认证已启用" });
    public ILocator RecoveryCodes => page.GetByRole(AriaRole.List).Filter(new() { Has = page.Locator("code") }).GetByRole(AriaRole.Listitem);
    public ILocator Continue => page.GetByRole(AriaRole.Link, new() { Name = "我已保存，继续" });
    public ILocator EnrolledMessage => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "绑定成功" });
    public ILocator CopyCodes => page.GetByRole(AriaRole.Button, new() { Name = "复制恢复码" });
    public ILocator DownloadCodes => page.GetByRole(AriaRole.Button, new() { Name = "下载为文本文件" });
    public ILocator PrintCodes => page.GetByRole(AriaRole.Button, new() { Name = "打印" });

    public async Task ChangePasswordAsync(string current, string next)
    {
        await CurrentPassword.FillAsync(current);
        await NewPassword.FillAsync(next);
        await ConfirmPassword.FillAsync(next);
        await ChangePassword.ClickAsync();
    }
}
