using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;

namespace ElderCare.BrowserTests;

public sealed partial class ElderAssessmentTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const string IdNumber1940 = "500153194001010038"; // born 1940-01-01, male (17th digit odd), valid check digit
    private const string Masked1940 = "500153********0038";

    /// <summary>
    /// GB/T 42195-2022 scores giving 自理 16 + 运动 7 + 精神 22 + 感知觉与社会参与 7 = 52, which C.3 puts in level 2
    /// (46–65, 能力中度受损（中度失能）).
    /// </summary>
    private static readonly Dictionary<string, int> Level2Scores = new()
    {
        ["B.1.1"] = 2, ["B.1.2"] = 2, ["B.1.3"] = 2, ["B.1.4"] = 2, ["B.1.5"] = 2, ["B.1.6"] = 2, ["B.1.7"] = 2, ["B.1.8"] = 2,
        ["B.2.1"] = 2, ["B.2.2"] = 2, ["B.2.3"] = 2, ["B.2.4"] = 1,
        ["B.3.1"] = 3, ["B.3.2"] = 3, ["B.3.3"] = 3, ["B.3.4"] = 3, ["B.3.5"] = 3, ["B.3.6"] = 3, ["B.3.7"] = 1, ["B.3.8"] = 1, ["B.3.9"] = 2,
        ["B.4.1"] = 1, ["B.4.2"] = 1, ["B.4.3"] = 2, ["B.4.4"] = 1, ["B.4.5"] = 2,
    };

    [Fact]
    public async Task 区民政局登记80岁以上独居老人_列入高龄_录入评估为2级后报告显示中度失能_并列入失能名单和2级筛选()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 李明"));

        // Register through the form; birth date, sex and age come from the ID number.
        var form = new ElderFormPage(page, app.BaseUrl);
        await form.OpenNewAsync();
        await form.FillBasicsAsync("周德明", IdNumber1940, "昌元街道", "独居");
        await form.Phone.FillAsync("13812345678");
        await form.Address.FillAsync("昌元街道海棠大道 18 号 2 单元 301");
        await form.Category("低保").CheckAsync();
        await form.ContactName(1).FillAsync("周小兰");
        await form.ContactRelation(1).FillAsync("女儿");
        await form.ContactPhone(1).FillAsync("13900001111");
        await form.Save.ClickAsync();

        await Expect(page).ToHaveURLAsync(ElderUrl());
        var elderUrl = page.Url;
        var details = new ElderDetailsPage(page);
        var today = app.Clock.ChinaToday;
        var age = IdNumber.Age(new DateOnly(1940, 1, 1), today);
        await Expect(details.Flash).ToContainTextAsync($"已登记“周德明”：男，{age} 周岁");
        await Expect(details.Heading).ToContainTextAsync("周德明");
        await Expect(details.Heading).ToContainTextAsync("未评估");
        await Expect(details.Fact("身份证号码")).ToContainTextAsync(Masked1940);
        await Expect(details.Fact("出生日期")).ToContainTextAsync("1940-01-01");
        await Expect(details.Fact("性别")).ToHaveTextAsync("男");
        await Expect(details.Fact("年龄")).ToHaveTextAsync($"{age} 周岁");
        await Expect(details.Fact("电话")).ToContainTextAsync("138****5678");
        await Expect(page.GetByText(IdNumber1940)).ToHaveCountAsync(0);
        await Expect(page.GetByText("13812345678")).ToHaveCountAsync(0);
        await Expect(details.Groups).ToContainTextAsync("高龄");

        // The priority list, reached from the navigation: 高龄 with its rule, not yet 失能.
        await new MastheadPart(page).NavLink("老年人").ClickAsync();
        var list = new ElderListPage(page, app.BaseUrl);
        await list.Tab("重点老年人名单").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/elders/priority$"));
        var row = list.Row("周德明");
        await Expect(row).ToContainTextAsync("高龄");
        await Expect(row).ToContainTextAsync("年满80周岁的老年人");
        await Expect(row).ToContainTextAsync(Masked1940);
        await Expect(row).Not.ToContainTextAsync("失能");

        // The full GB/T 42195-2022 form, from the elder's page.
        await page.GotoAsync(elderUrl);
        await details.Assess.ClickAsync();
        var assessment = new AssessmentFormPage(page);
        await Expect(assessment.Heading).ToHaveTextAsync("老年人能力评估");
        await Expect(assessment.AssessedOn).ToHaveValueAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(assessment.Reason).ToHaveValueAsync("first");
        await Expect(assessment.Item("B.2.4").GetByRole(AriaRole.Radio)).ToHaveCountAsync(4);
        await Expect(assessment.Item("B.2.4")).ToContainTextAsync("可独立上下楼梯，不需要协助");
        await assessment.Assessor(1).FillAsync("张评估");
        await assessment.Assessor(2).FillAsync("刘评估");
        await assessment.ScoreAllAsync(Level2Scores);
        await Expect(assessment.ScoreBar).ToContainTextAsync("已评 26 / 26 项");
        await Expect(assessment.ScoreBar).ToContainTextAsync("能力中度受损（中度失能）");
        await Screenshot(page, "assessment-form.png");
        await assessment.Submit.ClickAsync();

        // The report: the four domain scores, the total, the level and its name.
        await Expect(page).ToHaveURLAsync(ReportUrl());
        var report = new AssessmentReportPage(page);
        await Expect(report.Heading).ToHaveTextAsync("老年人能力评估报告");
        await Expect(report.Flash).ToContainTextAsync("总分 52");
        await Expect(report.Basics).ToContainTextAsync(Masked1940);
        await Expect(report.Basics).ToContainTextAsync("首次评估");
        await Expect(report.Basics).ToContainTextAsync("张评估、刘评估");
        await Expect(report.Row(report.Scores, "自理能力")).ToContainTextAsync("16");
        await Expect(report.Row(report.Scores, "基础运动能力")).ToContainTextAsync("7");
        await Expect(report.Row(report.Scores, "精神状态")).ToContainTextAsync("22");
        await Expect(report.Row(report.Scores, "感知觉与社会参与")).ToContainTextAsync("7");
        await Expect(report.Row(report.Scores, "老年人能力总分")).ToContainTextAsync("52");
        await Expect(report.Row(report.Levels, "初步等级（按总分）")).ToContainTextAsync("2级 能力中度受损（中度失能）");
        await Expect(report.Row(report.Levels, "最终能力等级")).ToContainTextAsync("2级 能力中度受损（中度失能）");
        await Expect(report.Row(report.Levels, "下次评估")).ToContainTextAsync(
            today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(report.Conclusion).ToContainTextAsync("能力中度受损（中度失能）");
        await Expect(page.GetByText(IdNumber1940)).ToHaveCountAsync(0);
        await Screenshot(page, "assessment-report.png");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" })).ToBeHiddenAsync();
        await Screenshot(page, "assessment-report-print.png");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The elder's page now shows level 2 and the assessment.
        await page.GotoAsync(elderUrl);
        await Expect(details.Capability).ToContainTextAsync("能力中度受损（中度失能）");
        await Expect(details.History.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(details.ReportLink).ToBeVisibleAsync();
        await Expect(details.Groups).ToContainTextAsync("失能");

        // Now in the priority list under 失能 too.
        await page.GotoAsync(app.BaseUrl + "/elders/priority");
        await list.ChooseAsync(list.Group, "失能");
        await list.Filter.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("group=incapacitated"));
        await Expect(list.Row("周德明")).ToContainTextAsync("失能");
        await Expect(list.Row("周德明")).ToContainTextAsync("能力评估为2级及以上的老年人");
        await Expect(list.Row("周德明")).ToContainTextAsync("高龄");

        // The elder list filtered by level 2 shows them; by level 3, nobody.
        await list.OpenAsync();
        await list.ChooseAsync(list.Level, "2级 能力中度受损（中度失能）");
        await list.Filter.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("level=2"));
        await Expect(list.Rows).ToHaveCountAsync(1);
        await Expect(list.Row("周德明")).ToContainTextAsync(Masked1940);
        await list.ChooseAsync(list.Level, "3级 能力重度受损（重度失能）");
        await list.Filter.ClickAsync();
        await Expect(list.Empty).ToBeVisibleAsync();
    }

    [Fact]
    public async Task 身份证号校验位错误时_中文错误显示在身份证号旁且保留其他已填内容()
    {
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var form = new ElderFormPage(page, app.BaseUrl);
        await form.OpenNewAsync();
        await form.FillBasicsAsync("陈桂芳", "500153194001010039", "昌元街道", "独居", "监护人同意");
        await form.Phone.FillAsync("023-46712345");
        await form.Category("特困").CheckAsync();
        await form.ContactName(1).FillAsync("陈建国");
        await form.ContactPhone(1).FillAsync("13900002222");
        await form.Save.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/elders/new$"));
        await Expect(form.ErrorSummary).ToContainTextAsync("提交的数据有误");
        await Expect(form.IdNumber).ToHaveAttributeAsync("aria-invalid", "true");
        var message = await form.IdNumber.ErrorMessageAsync();
        await Expect(message).ToContainTextAsync("身份证号码校验位不符");
        await Expect(message).ToContainTextAsync("最后一位应为 8");
        await Expect(form.IdNumber).ToHaveAccessibleDescriptionAsync(new Regex("校验位不符"));
        await Expect(form.Name).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await Expect(form.IdNumber).ToHaveValueAsync("500153194001010039");
        await Expect(form.Name).ToHaveValueAsync("陈桂芳");
        await Expect(form.Phone).ToHaveValueAsync("023-46712345");
        await Expect(form.Region).ToHaveValueAsync("500153001");
        await Expect(form.LivingArrangement).ToHaveValueAsync("alone");
        await Expect(form.ConsentBasis).ToHaveValueAsync("监护人同意");
        await Expect(form.Category("特困")).ToBeCheckedAsync();
        await Expect(form.ContactName(1)).ToHaveValueAsync("陈建国");
        await Expect(form.ContactPhone(1)).ToHaveValueAsync("13900002222");
    }

    [Fact]
    public async Task 查看完整身份证号_无权限时以中文拒绝_有权限时须填写理由后显示完整号码()
    {
        var elder = await app.ElderAsync("李秀英", "500153194503150022", "500153001", LivingArrangement.LeftBehind, phone: "13712345678");

        var plain = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        var refused = await plain.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}/unmask?field=idNumber");
        Assert.Equal(403, refused!.Status);
        var refusal = new ElderUnmaskPage(plain);
        await Expect(refusal.Heading).ToHaveTextAsync("无权查看完整个人信息");
        await Expect(refusal.Refusal).ToContainTextAsync("您没有查看完整个人信息的权限");
        await Expect(plain.GetByText("500153194503150022")).ToHaveCountAsync(0);

        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, canUnmask: true, twoFactor: true));
        await page.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}");
        await new ElderDetailsPage(page).Fact("身份证号码").GetByRole(AriaRole.Link, new() { Name = "查看完整号码" }).ClickAsync();
        var unmask = new ElderUnmaskPage(page);
        await Expect(unmask.Heading).ToHaveTextAsync("查看李秀英的完整个人信息");
        await unmask.Show.ClickAsync();
        await Expect(await unmask.Reason.ErrorMessageAsync()).ToContainTextAsync("请填写查看完整信息的理由");
        await unmask.Reason.FillAsync("办理高龄津贴，核对身份证号");
        await unmask.Show.ClickAsync();
        await Expect(unmask.Heading).ToHaveTextAsync("李秀英的完整身份证号码");
        await Expect(unmask.Value).ToHaveTextAsync("500153194503150022");
    }

    [Fact]
    public async Task 修改老年人信息_身份证号和电话脱敏显示_不改动时保存后保持原号码()
    {
        var elder = await app.ElderAsync("王桂兰", "500153193005050040", "500153001", LivingArrangement.WithFamily, phone: "13698765432");
        var page = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff));
        await page.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}/edit");
        var form = new ElderFormPage(page, app.BaseUrl);
        await Expect(form.IdNumber).ToHaveValueAsync("");
        await Expect(form.IdNumber).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape("500153********0040")));
        await Expect(form.Phone).ToHaveValueAsync("136****5432");
        await form.ChooseAsync(form.LivingArrangement, "独居");
        await form.ContactName(1).FillAsync("王小军");
        await form.ContactRelation(1).FillAsync("儿子");
        await form.ContactPhone(1).FillAsync("13511112222");
        await form.SaveChanges.ClickAsync();

        await Expect(page).ToHaveURLAsync(ElderUrl());
        var details = new ElderDetailsPage(page);
        await Expect(details.Flash).ToContainTextAsync("已保存");
        await Expect(details.Fact("身份证号码")).ToContainTextAsync("500153********0040");
        await Expect(details.Fact("性别")).ToHaveTextAsync("女");
        await Expect(details.Fact("电话")).ToContainTextAsync("136****5432");
        await Expect(details.Fact("居住情况")).ToHaveTextAsync("独居");

        // Saved again untouched: the masked contact phone, too, stands for the stored one.
        await page.GotoAsync($"{app.BaseUrl}/elders/{elder.Id}/edit");
        await Expect(form.ContactPhone(1)).ToHaveValueAsync("135****2222");
        await form.Address.FillAsync("昌元街道玉屏路 6 号");
        await form.SaveChanges.ClickAsync();
        await Expect(details.Flash).ToContainTextAsync("已保存");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "紧急联系人与家庭医生" })).ToContainTextAsync("135****2222");
        await Expect(details.Fact("住址")).ToHaveTextAsync("昌元街道玉屏路 6 号");
    }

    /// <summary>Pictures to look at, in the temp folder (never in the repository).</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eldercare-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }

    [GeneratedRegex("/elders/[0-9a-f-]{36}$")]
    private static partial Regex ElderUrl();

    [GeneratedRegex("/elders/[0-9a-f-]{36}/assessments/[0-9a-f-]{36}/report$")]
    private static partial Regex ReportUrl();
}
