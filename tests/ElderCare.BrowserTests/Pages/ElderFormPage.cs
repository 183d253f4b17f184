using System.Text.RegularExpressions;

namespace ElderCare.BrowserTests.Pages;

/// <summary>登记老年人 (/elders/new) and 修改老年人信息 (/elders/{id}/edit): the shared elder form.</summary>
public sealed partial class ElderFormPage(IPage page, string baseUrl)
{
    public async Task OpenNewAsync() => await page.GotoAsync(baseUrl + "/elders/new");

    public ILocator Name => page.GetByLabel(StartsWith("姓名"));
    /// <summary>身份证号码 when registering, 更正身份证号码 when editing.</summary>
    public ILocator IdNumber => page.GetByLabel(new Regex("^(更正)?身份证号码"));
    public ILocator Phone => page.GetByLabel("电话", new() { Exact = true });
    public ILocator LivingArrangement => page.GetByLabel(StartsWith("居住情况"));
    public ILocator Region => page.GetByLabel(StartsWith("所在社区或村"));
    public ILocator Category(string label) => page.GetByRole(AriaRole.Checkbox, new() { Name = label, Exact = true });
    public ILocator Address => page.GetByLabel("住址", new() { Exact = true });
    public ILocator ConsentBasis => page.GetByLabel(StartsWith("处理依据"));
    public ILocator Save => page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true });
    public ILocator SaveChanges => page.GetByRole(AriaRole.Button, new() { Name = "保存修改" });
    public ILocator ErrorSummary => page.GetByRole(AriaRole.Alert);

    private ILocator Contact(int number) => page.GetByRole(AriaRole.Group, new() { Name = $"紧急联系人 {number}", Exact = true });
    public ILocator ContactName(int number) => Contact(number).GetByLabel("联系人姓名");
    public ILocator ContactRelation(int number) => Contact(number).GetByLabel("与老人关系");
    public ILocator ContactPhone(int number) => Contact(number).GetByLabel("联系电话");

    public async Task ChooseAsync(ILocator select, string label) =>
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });

    /// <summary>Fills what every registration needs; the test then adds or overrides what it is about.</summary>
    public async Task FillBasicsAsync(string name, string idNumber, string region, string living, string consent = "本人同意")
    {
        await Name.FillAsync(name);
        await IdNumber.FillAsync(idNumber);
        await ChooseAsync(Region, region);
        await ChooseAsync(LivingArrangement, living);
        await ChooseAsync(ConsentBasis, consent);
    }

    private static Regex StartsWith(string label) => new("^" + Regex.Escape(label));
}
