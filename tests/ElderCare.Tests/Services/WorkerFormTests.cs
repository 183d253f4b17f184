using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Tests.Services;

/// <summary>
/// The new-worker form: working hours (WorkingHours: "at least one weekday; times HH:mm; the end after the start") become the
/// weekly slots dispatch checks; a district administrator may create the caregiver account on the same form (RegisterUser).
/// </summary>
[Collection(nameof(SharedApp))]
public class WorkerFormTests(AppFactory app)
{
    [Fact]
    public void Working_hours_need_a_weekday_and_an_end_after_the_start()
    {
        var errors = new FieldErrors();
        var slots = WorkingHours.Slots(["3", "1"], "09:00", "12:30", errors);
        Assert.False(errors.Any);
        Assert.Equal([new SlotResource(1, "09:00", "12:30"), new SlotResource(3, "09:00", "12:30")], slots);

        var none = new FieldErrors();
        Assert.Null(WorkingHours.Slots([], "09:00", "08:00", none));
        Assert.Equal(["workDays", "workTo"], none.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
        var bad = new FieldErrors();
        Assert.Null(WorkingHours.Slots(["8"], "9点", "18:00", bad));
        Assert.Equal(["workDays", "workFrom"], bad.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    private async Task<(Guid Provider, (string, string)[] Fields)> Form(string name)
    {
        var provider = await app.Staff.ProviderOf(await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"工时测试中心{Make.Serial()}")));
        return (provider, [("providerId", provider.ToString()), ("name", name), ("phone", "13900007777"), ("kind", "helper"),
            ("qualifications", "helper"), ("regionCodes", Make.Changyuan)]);
    }

    [Fact]
    public async Task The_form_registers_the_weekdays_and_hours_and_names_a_wrong_one_beside_its_field()
    {
        var name = $"工时{Make.Serial()}";
        var (provider, fields) = await Form(name);
        var wrong = await (await app.PostForm(app.Staff, "/workers/new", [.. fields, ("workFrom", "18:00"), ("workTo", "09:00")])).Page();
        Assert.Equal("请至少选择一个工作日。", wrong.FieldError("workDays"));
        Assert.Equal("下班时间须晚于上班时间。", wrong.FieldError("workTo"));

        await (await app.PostForm(app.Staff, "/workers/new",
            [.. fields, ("workDays", "2"), ("workDays", "4"), ("workFrom", "13:00"), ("workTo", "17:30")])).Page();
        await using var scope = app.Scope(out var db);
        var w = await db.Workers.AsNoTracking().SingleAsync(x => x.ProviderId == provider && x.Name == name);
        Assert.Equal([(2, 780, 1050), (4, 780, 1050)], w.Availability.Select(s => (s.Day, s.FromMinute, s.ToMinute)));
    }

    [Fact]
    public async Task A_district_administrator_creates_the_caregiver_account_with_the_worker_and_staff_may_not()
    {
        var name = $"账号{Make.Serial()}";
        var (provider, fields) = await Form(name);
        var hours = new[] { ("workDays", "1"), ("workFrom", "08:00"), ("workTo", "18:00") };
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var userName = $"hg.{Make.Serial()}";
        var weak = await (await app.PostForm(admin, "/workers/new", [.. fields, .. hours, ("newUserName", userName), ("newPassword", "short")]))
            .Page();
        Assert.NotNull(weak.FieldError("newPassword"));
        await (await app.PostForm(admin, "/workers/new",
            [.. fields, .. hours, ("newUserName", userName), ("newPassword", "Caregiver#Rc2026")])).Page();
        await using (var scope = app.Scope(out var db))
        {
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
            Assert.Equal(Role.Caregiver, u.Role);
            Assert.True(u.MustChangePassword);
            Assert.Equal(u.Id, (await db.Workers.AsNoTracking().SingleAsync(x => x.ProviderId == provider && x.Name == name)).UserId);
        }
        var r = await app.PostForm(app.Staff, "/workers/new", [.. fields, .. hours, ("newUserName", $"hg.{Make.Serial()}"),
            ("newPassword", "Caregiver#Rc2026")]);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }
}
