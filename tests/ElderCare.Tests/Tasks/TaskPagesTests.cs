using System.Net;
using System.Net.Http.Headers;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;

namespace ElderCare.Tests.Tasks;

/// <summary>The task page (三(一)): a status change only after the confirmation box is ticked; evidence uploaded from the page.</summary>
public class TaskPagesTests(TasksApp app) : IClassFixture<TasksApp>
{
    private async Task<HttpClient> Officer() => await app.BrowserOf(await app.User(Role.TownOfficer, Make.Changyuan));

    [Fact]
    public async Task A_status_change_needs_the_confirmation_and_evidence_is_uploaded_from_the_page()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "任务页面中心"));
        var id = (await (await app.Staff.PostJson("/api/tasks", new
        {
            facilityId = facility, title = "页面整改任务", kind = "fix-finding", dueOn = "2026-12-20",
        })).Created()).Id();
        var browser = await Officer();
        var token = await browser.FormToken($"/tasks/{id}");
        var unconfirmed = await browser.PostAsync($"/tasks/{id}?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = "1", ["status"] = "in-progress",
        }));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("请勾选确认后再改变任务状态。", await unconfirmed.Content.ReadAsStringAsync());
        var confirmed = await browser.PostAsync($"/tasks/{id}?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = "1", ["status"] = "in-progress", ["confirm"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var task = (await (await app.Staff.GetAsync($"/api/tasks/{id}")).Ok()).GetProperty("task");
        Assert.Equal("in-progress", task.GetProperty("status").GetString());

        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var photo = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x02]);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "file", "整改后照片.jpg");
        var uploaded = await browser.PostAsync($"/tasks/{id}?handler=Evidence", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("整改后照片.jpg", await browser.GetStringAsync($"/tasks/{id}"));

        // another unit's officer: not found, on the page as in the API
        var other = await app.ClientAs(Role.TownOfficer, Make.Panlong);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/tasks/{id}")).StatusCode);
    }
}
