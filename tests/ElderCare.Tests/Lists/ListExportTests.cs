using System.Net;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.Tests.Lists;

/// <summary>
/// Every list's "导出 Excel" (Shared/ListExport.cs): exactly the filtered, sorted rows of all pages, personal data masked
/// unless the user may unmask (ADR 6), one audit entry naming the list and the filter (QUALITY.md S6). Its own app: it
/// appends to the audit chain.
/// </summary>
public class ListExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<List<System.Text.Json.JsonElement>> Exports()
    {
        var auditor = await app.ClientAs(Role.Auditor);
        return (await (await auditor.GetAsync("/api/audit?action=list.export&pageSize=100")).Ok()).GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task The_elder_export_holds_the_filtered_rows_of_all_pages_in_the_list_order_masked_and_audited()
    {
        var tag = $"导出{Make.Serial()}";
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var id = Make.IdNumber($"19{30 + i % 20:00}0101");
            ids.Add(id);
            await app.Staff.NewElder(Make.Elder($"{tag}{i:00}", idNumber: id, born: $"19{30 + i % 20:00}0101", phone: $"1380000{i:0000}"));
        }
        await app.Staff.NewElder(Make.Elder($"别人{Make.Serial()}"));

        var rows = await Uploads.ExcelRows(await app.Staff.GetAsync($"/elders?handler=export&q={Uri.EscapeDataString(tag)}&sort=name&dir=desc"));
        Assert.Equal(23, rows.Count); // more than one page (20)
        Assert.Equal(Enumerable.Range(0, 23).Reverse().Select(i => $"{tag}{i:00}"), rows.Select(r => r["姓名"]?.ToString()));
        Assert.All(rows, r => Assert.Contains("********", r["身份证号码"]?.ToString()));
        Assert.All(rows, r => Assert.Matches(@"^138\*{4}\d{4}$", r["联系电话"]?.ToString()));
        Assert.DoesNotContain(rows, r => ids.Contains(r["身份证号码"]?.ToString()!));

        var entry = Assert.Single(await Exports(), e => e.GetProperty("detail").GetString()!.Contains(tag));
        Assert.Equal("elders", entry.GetProperty("target").GetString());
        Assert.Contains("sort=name, dir=desc", entry.GetProperty("detail").GetString());
        Assert.Contains("23 行；个人信息脱敏", entry.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_user_who_may_unmask_exports_the_full_numbers_and_the_audit_says_so()
    {
        var tag = $"全号{Make.Serial()}";
        var id = Make.IdNumber("19380505");
        await app.Staff.NewElder(Make.Elder(tag, idNumber: id, born: "19380505"));
        var privileged = await app.UnmaskingClient(Role.DistrictStaff);

        var row = Assert.Single(await Uploads.ExcelRows(await privileged.GetAsync($"/elders?handler=export&q={Uri.EscapeDataString(tag)}")));
        Assert.Equal(id, row["身份证号码"]?.ToString());
        Assert.Contains(await Exports(), e => e.GetProperty("detail").GetString()!.Contains(tag)
                                             && e.GetProperty("detail").GetString()!.Contains("个人信息完整"));
    }

    [Fact]
    public async Task A_town_officer_exports_only_their_own_towns_elders()
    {
        var tag = $"辖区{Make.Serial()}";
        await app.Staff.NewElder(Make.Elder($"{tag}甲", regionCode: Make.Changyuan));
        await app.Staff.NewElder(Make.Elder($"{tag}乙", regionCode: Make.Panlong));
        var officer = await app.ClientAs(Role.TownOfficer, region: Make.Panlong);

        var row = Assert.Single(await Uploads.ExcelRows(await officer.GetAsync($"/elders?handler=export&q={Uri.EscapeDataString(tag)}")));
        Assert.Equal($"{tag}乙", row["姓名"]?.ToString());
    }

    [Fact]
    public async Task The_order_export_holds_the_filtered_rows_sorted_as_asked_and_is_audited()
    {
        var facility = await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"导出中心{Make.Serial()}"));
        await app.Staff.ProviderOf(facility);
        var elder = await app.Staff.NewElder(Make.Elder($"工单老人{Make.Serial()}"));
        var item = await app.Staff.ServiceItem();
        var day = app.Clock.GetUtcNow().AddDays(40);
        var from = DateOnly.FromDateTime(day.UtcDateTime.AddHours(8));
        var orders = new List<Guid>();
        for (var i = 0; i < 3; i++)
            orders.Add(await app.Staff.Create("/api/orders", Make.ServiceOrder(elder, item, day.AddHours(i), day.AddHours(i).AddMinutes(50))));
        // Another day, outside the filter.
        await app.Staff.Create("/api/orders", Make.ServiceOrder(elder, item, day.AddDays(2), day.AddDays(2).AddMinutes(50)));

        var url = $"/orders?handler=export&from={from:yyyy-MM-dd}&to={from:yyyy-MM-dd}&sort=window&dir=asc";
        var rows = await Uploads.ExcelRows(await app.Staff.GetAsync(url));
        Assert.Equal(orders.Select(o => o.ToString()), rows.Select(r => r["工单编号"]?.ToString()));

        var newestFirst = await Uploads.ExcelRows(await app.Staff.GetAsync(url.Replace("dir=asc", "dir=desc", StringComparison.Ordinal)));
        Assert.Equal(orders.AsEnumerable().Reverse().Select(o => o.ToString()), newestFirst.Select(r => r["工单编号"]?.ToString()));

        var entries = (await Exports()).Where(e => e.GetProperty("target").GetString() == "orders").ToList();
        Assert.Contains(entries, e => e.GetProperty("detail").GetString()!.Contains($"from={from:yyyy-MM-dd}")
                                      && e.GetProperty("detail").GetString()!.Contains("3 行"));
    }

    [Fact]
    public async Task A_bad_filter_shows_the_list_with_the_error_instead_of_a_file()
    {
        var r = await app.Staff.GetAsync("/orders?handler=export&from=2026-13-45");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.StartsWith("text/html", r.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task The_list_page_has_sort_links_keeping_the_filters_and_the_export_link()
    {
        var tag = $"链接{Make.Serial()}";
        await app.Staff.NewElder(Make.Elder(tag));
        var page = await app.Staff.GetStringAsync($"/elders?q={Uri.EscapeDataString(tag)}&sort=age&dir=desc");
        var q = Uri.EscapeDataString(tag);
        Assert.Contains($"href=\"/elders?q={q}&amp;sort=age&amp;dir=asc\"", page); // the active column toggles
        Assert.Contains("aria-sort=\"descending\"", page);
        Assert.Contains($"href=\"/elders?q={q}&amp;sort=age&amp;dir=desc&amp;handler=export\"", page);
    }

    [Fact]
    public async Task The_facility_export_holds_the_filtered_rows_sorted_by_name_descending()
    {
        var tag = $"设施导出{Make.Serial()}";
        foreach (var n in new[] { "乙", "甲", "丙" }) await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, $"{tag}{n}"));
        var rows = await Uploads.ExcelRows(await app.Staff.GetAsync($"/facilities?handler=export&q={Uri.EscapeDataString(tag)}&sort=name&dir=desc"));
        // Make.CentreIn appends a serial: the names differ first at the character after the tag (甲 U+7532 > 乙 U+4E59 > 丙 U+4E19).
        Assert.Equal(['甲', '乙', '丙'], rows.Select(r => r["名称"]!.ToString()![tag.Length]));
        Assert.Contains(await Exports(), e => e.GetProperty("target").GetString() == "facilities"
                                             && e.GetProperty("detail").GetString()!.Contains(tag));
    }

    [Fact]
    public async Task The_user_export_is_sorted_as_asked_with_mobiles_masked_and_audited()
    {
        var admin = await app.ClientAs(Role.DistrictAdmin);
        var rows = await Uploads.ExcelRows(await admin.GetAsync("/users?handler=export&sort=userName&dir=desc"));
        Assert.NotEmpty(rows);
        var names = rows.Select(r => r["用户名"]!.ToString()!).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), names);
        Assert.All(rows, r => Assert.True(r["手机号"] is null || r["手机号"].ToString()!.Contains("****")));
        Assert.Contains(await Exports(), e => e.GetProperty("target").GetString() == "users"
                                             && e.GetProperty("detail").GetString()!.Contains("sort=userName, dir=desc"));
    }

    [Fact]
    public async Task A_list_above_the_export_cap_shows_the_count_instead_of_the_link_and_a_forced_export_writes_nothing()
    {
        var tag = $"上限{Make.Serial()}";
        await using (app.Scope(out var db))
        {
            db.Facilities.AddRange(Enumerable.Range(0, ListExport.MaxRows + 1).Select(i => new Facility
            {
                Name = $"{tag}-{i:0000}", RegionCode = Make.Changyuan, UnitCode = Make.Changyuan, Type = FacilityType.CommunityStation,
                Status = FacilityStatus.Planned, StatusSince = new DateOnly(2026, 1, 1),
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var q = Uri.EscapeDataString(tag);
        var tooMany = ListExport.TooMany(ListExport.MaxRows + 1); // 筛选结果共 5,001 条，超过单次导出上限 5,000 条……

        var page = await app.Staff.GetStringAsync($"/facilities?q={q}");
        Assert.Contains(tooMany, page);
        Assert.DoesNotContain("handler=export", page);
        var forced = await app.Staff.GetAsync($"/facilities?handler=export&q={q}");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.StartsWith("text/html", forced.Content.Headers.ContentType?.ToString());
        Assert.Contains(tooMany, await forced.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await Exports(), e => e.GetProperty("detail").GetString()!.Contains(tag)); // nothing exported, nothing audited
    }

    [Fact]
    public async Task A_register_export_above_its_cap_is_refused_by_field_and_one_at_the_cap_is_written_whole()
    {
        await using (app.Scope(out var db))
        {
            db.DutyTasks.AddRange(Enumerable.Range(0, ExportTasks.MaxRows + 1).Select(i => new DutyTask
            {
                UnitCode = Make.Panlong, RegionCode = Make.Panlong, Title = $"上限任务{i:00000}", Kind = DutyTaskKind.Other,
                DueOn = new DateOnly(2027, 6, 30), CreatedBy = "test", // due after the fake clock's today: no escalation
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var url = $"/api/tasks/export?kind=other&regionCode={Make.Panlong}";

        var message = await (await app.Staff.GetAsync(url)).AssertFieldError("export");
        Assert.Equal("筛选结果共 10,001 条，超过单次导出上限 10,000 条，请缩小筛选范围后再导出。", message);

        await using (app.Scope(out var db))
            await db.DutyTasks.Where(t => t.Title == "上限任务00000").ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        var export = await app.Staff.GetAsync(url);
        export.EnsureSuccessStatusCode();
        var rows = Uploads.Sheet(await export.Content.ReadAsByteArrayAsync(), "任务清单");
        Assert.Equal(ExportTasks.MaxRows, rows.Count);
        Assert.DoesNotContain(rows, r => (string?)r["任务"] == "上限任务00000");
    }
}
