using System.Globalization;
using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;

namespace ElderCare.BrowserTests;

/// <summary>
/// Monthly supervision (三(一)) through the real pages: the district opens the month's round and inspects a station on a
/// phone; a failed item becomes a finding with a deadline from the checklist's table and a photo; the street rectifies it
/// and its to-do count drops; the district re-inspects and closes it, and its own re-inspection item goes.
/// </summary>
public sealed class SupervisionFindingTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const int PhoneWidth = 390, PhoneHeight = 844;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task 区民政局月度督导发现问题限期整改_街道整改后待办减少_复查销号()
    {
        const string facilityName = "海棠社区养老服务站（督导）", region = "500153001";
        await app.FacilityAsync(facilityName, FacilityType.CommunityStation, region);
        var today = app.Clock.ChinaToday;

        // 1. The district opens this month's round and inspects the station on a phone: one item fails.
        var staffUser = await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 王芳");
        var staff = await chromium.NewSignedInPageAsync(app, staffUser, PhoneWidth, PhoneHeight);
        var rounds = new SupervisionPage(staff, app.BaseUrl);
        await rounds.OpenAsync();
        await rounds.Year.FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await rounds.Month.FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await rounds.Open.ClickAsync();
        await rounds.Inspect.ClickAsync();
        var form = new NewInspectionPage(staff);
        await form.Facility.SelectOptionAsync(new SelectOptionValue { Label = facilityName });
        await form.Inspector.FillAsync("王芳");
        await form.InspectedOn.FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var items = await form.Items.CountAsync();
        Assert.True(items >= 4);
        for (var n = 0; n < items; n++) await form.Result(n, n == 1 ? "不符合" : "符合").CheckAsync();
        await form.Note(1).FillAsync("灭火器过期两个月");
        await form.Save.ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/supervision/inspections/[0-9a-f-]{36}$"));

        // 2. The failed item becomes a 一般 finding (7 days) with a photo from the phone.
        var inspection = new InspectionPage(staff);
        await inspection.Severity.SelectOptionAsync(new SelectOptionValue { Label = "一般" });
        await inspection.Description.FillAsync("二楼活动室灭火器过期，须更换");
        var folder = Directory.CreateTempSubdirectory("eldercare-supervision-");
        try
        {
            var photo = Path.Combine(folder.FullName, "灭火器.png");
            await File.WriteAllBytesAsync(photo, Png);
            await inspection.Photo.SetInputFilesAsync(photo);
            await inspection.Raise.ClickAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await Expect(staff).ToHaveURLAsync(new Regex("/supervision/findings/[0-9a-f-]{36}$"));
        var findingUrl = staff.Url;
        var finding = new FindingPage(staff);
        await Expect(finding.Status).ToHaveTextAsync("待整改");
        var due = DateTime.ParseExact((await finding.Due.TextContentAsync())!.Trim(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(today.AddDays(7), DateOnly.FromDateTime(due)); // 一般: 7 days from the inspection's recording
        var staffBadge = new TodoBadgePart(staff);
        var staffBefore = await staffBadge.ValueAsync();

        // 3. The street sees the finding among its to-dos, rectifies it, and its count drops by one.
        var town = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.TownOfficer, region: region, displayName: "昌元街道 陈静"));
        await town.GotoAsync(app.BaseUrl + "/todo");
        await Expect(town.Locator("ul.todo-list li a").Filter(new() { HasText = "灭火器" })).ToHaveCountAsync(1);
        var townBadge = new TodoBadgePart(town);
        var before = await townBadge.ValueAsync();
        Assert.True(before >= 1);
        await town.GotoAsync(findingUrl);
        var rectifying = new FindingPage(town);
        await rectifying.Note.FillAsync("已更换全部灭火器，并登记检查台账");
        await rectifying.Rectify.ClickAsync();
        await Expect(rectifying.Status).ToHaveTextAsync("已整改待复查");
        Assert.Equal(before - 1, await townBadge.ValueAsync());

        // 4. The district re-inspects: the finding is closed (销号) and the re-inspection leaves its to-dos.
        await staff.GotoAsync(findingUrl);
        Assert.Equal(staffBefore + 1, await staffBadge.ValueAsync());
        await finding.Pass.ClickAsync();
        await Expect(finding.Status).ToHaveTextAsync("已销号");
        Assert.Equal(staffBefore, await staffBadge.ValueAsync());
        await Expect(staff.Locator("#history-title + ol")).ToContainTextAsync("已更换全部灭火器");
    }
}
