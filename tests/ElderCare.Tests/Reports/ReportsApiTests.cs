using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ElderCare.Tests.Infrastructure;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Reports;

namespace ElderCare.Tests.Reports;

/// <summary>
/// The quarterly report cycle of 三、保障措施 over HTTP: the district generates a quarter's drafts, the street or town writes
/// its narrative and submits, the district returns with a reason or approves and locks; the lock keeps a snapshot whose hash
/// verifies; the bulletin is built from the approved reports. Every test uses a quarter of its own (the clock is 2026-11-29).
/// </summary>
[Collection(nameof(SharedApp))]
public class ReportsApiTests(AppFactory app)
{
    private async Task<HttpClient> Town(string unit = Make.Changyuan) => await app.ClientAs(Role.TownOfficer, region: unit);

    /// <summary>Generates the quarter's reports and returns the id of a unit's report.</summary>
    private async Task<Guid> Generated(string quarter, string unit = Make.Changyuan)
    {
        var result = await (await app.Staff.PostJson("/api/reports/generate", new { quarter })).Ok();
        Assert.Equal(21, result.GetProperty("units").GetInt32());
        var list = await (await app.Staff.GetAsync($"/api/reports?quarter={quarter}&unitCode={unit}")).Ok();
        return Assert.Single(list.GetProperty("items").EnumerateArray()).Id();
    }

    private async Task<Guid> Submitted(string quarter, string unit = Make.Changyuan)
    {
        var id = await Generated(quarter, unit);
        var town = await Town(unit);
        await (await town.PutJson($"/api/reports/{id}/narrative", new { narrative = "本季度推进情况良好。" })).Ok();
        await (await town.PostAsync($"/api/reports/{id}/submit", null)).Ok();
        return id;
    }

    private static string Value(JsonElement report, string code) =>
        report.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty("value").ToString();

    [Fact]
    public async Task Submit_approve_lock_keeps_the_snapshot_shows_later_changes_and_the_hash_verifies()
    {
        var id = await Submitted("2025Q1");
        var submitted = await (await app.Staff.GetAsync($"/api/reports/{id}")).Ok();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal("本季度推进情况良好。", submitted.GetProperty("narrative").GetString());
        var approved = await (await app.Staff.PostAsync($"/api/reports/{id}/approval", null)).Ok();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.True(approved.GetProperty("locked").GetBoolean());
        var hash = approved.GetProperty("snapshotHash").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(["generate", "submit", "approve"],
            approved.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("act").GetString()));

        // A street centre of 昌元街道 registered afterwards, operating since 2020: the live values change, the locked ones do not.
        var built = Value(approved, ReportIndicators.FacilitiesBuilt);
        await app.Staff.NewFacility(Make.CentreIn(Make.Changyuan, "季报后登记中心"));
        var later = await (await app.Staff.GetAsync($"/api/reports/{id}")).Ok();
        Assert.Equal(built, Value(later, ReportIndicators.FacilitiesBuilt));
        Assert.True(later.GetProperty("changedSinceSubmitted").GetBoolean());
        var line = later.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == ReportIndicators.FacilitiesBuilt);
        Assert.True(line.GetProperty("changed").GetBoolean());
        Assert.Equal(line.GetProperty("value").GetProperty("value").GetDecimal() + 1, line.GetProperty("now").GetProperty("value").GetDecimal());
        Assert.Equal(hash, later.GetProperty("snapshotHash").GetString());

        var check = await (await app.Staff.GetAsync($"/api/reports/{id}/verification")).Ok();
        Assert.True(check.GetProperty("matches").GetBoolean());
        Assert.Equal(hash, check.GetProperty("computedHash").GetString());
        var town = await Town();
        Assert.True((await (await town.GetAsync($"/api/reports/{id}/verification")).Ok()).GetProperty("matches").GetBoolean());

        // Locked: nothing changes it any more (409).
        await (await town.PutJson($"/api/reports/{id}/narrative", new { narrative = "改动" })).AssertProblem(HttpStatusCode.Conflict);
        var problem = await (await town.PostAsync($"/api/reports/{id}/submit", null)).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(ReportCycle.Locked, problem.GetProperty("detail").GetString());
        await (await app.Staff.PostAsync($"/api/reports/{id}/approval", null)).AssertProblem(HttpStatusCode.Conflict);
        await (await app.Staff.PostJson($"/api/reports/{id}/return", new { reason = "重报" })).AssertProblem(HttpStatusCode.Conflict);

        // The stored snapshot altered behind the platform's back no longer verifies.
        await using (var scope = app.Scope(out var db))
        {
            var row = await db.QuarterlyReports.FindAsync(id);
            row!.SnapshotJson = row.SnapshotJson.Replace("本季度推进情况良好。", "本季度推进情况优秀。");
            await db.SaveChangesAsync();
        }
        Assert.False((await (await app.Staff.GetAsync($"/api/reports/{id}/verification")).Ok()).GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task The_default_form_is_stored_at_the_first_generation_marked_to_confirm_and_the_district_confirms_it_once()
    {
        await Generated("2024Q1");
        var forms = await (await app.Staff.GetAsync("/api/reports/forms")).Ok();
        var form = forms.EnumerateArray().Single(f => f.GetProperty("year").GetInt32() == 2020);
        Assert.Equal(20, form.GetProperty("indicators").GetArrayLength());
        var id = form.Id();
        if (!form.GetProperty("confirmed").GetBoolean())
        {
            await (await app.Staff.PostJson($"/api/reports/forms/{id}/confirm", new { source = "" })).AssertFieldError("source");
            var confirmed = await (await app.Staff.PostJson($"/api/reports/forms/{id}/confirm", new { source = "荣民政发〔2026〕1号" })).Ok();
            Assert.True(confirmed.GetProperty("confirmed").GetBoolean());
        }
        await (await app.Staff.PostJson($"/api/reports/forms/{id}/confirm", new { source = "再次" })).AssertProblem(HttpStatusCode.Conflict);
        await (await (await Town()).PostJson($"/api/reports/forms/{id}/confirm", new { source = "x" })).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_district_returns_with_a_reason_and_the_town_corrects_and_resubmits()
    {
        var id = await Submitted("2025Q2");
        var message = await (await app.Staff.PostJson($"/api/reports/{id}/return", new { reason = " " })).AssertFieldError("reason");
        Assert.Contains("退回理由", message);
        var returned = await (await app.Staff.PostJson($"/api/reports/{id}/return", new { reason = "请补充助餐服务情况" })).Ok();
        Assert.Equal("draft", returned.GetProperty("status").GetString());
        Assert.Equal("请补充助餐服务情况", returned.GetProperty("returnReason").GetString());
        var town = await Town();
        await (await town.PutJson($"/api/reports/{id}/narrative", new { narrative = "已补充助餐服务情况。" })).Ok();
        var again = await (await town.PostAsync($"/api/reports/{id}/submit", null)).Ok();
        Assert.Equal("submitted", again.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("returnReason").ValueKind);
        Assert.Equal(["generate", "submit", "return", "submit"], again.GetProperty("transitions").EnumerateArray()
            .Select(t => t.GetProperty("act").GetString()));
        // Every transition is audited as a write (等保 8.1.4.3, Audit/AuditWrites).
        await using var scope = app.Scope(out var db);
        var audited = db.AuditEntries.Where(a => a.Target != null && a.Target.Contains(id.ToString())).Select(a => a.Target).ToList();
        Assert.Contains($"POST /api/reports/{id}/return", audited);
        Assert.Equal(2, audited.Count(t => t == $"POST /api/reports/{id}/submit"));
    }

    [Fact]
    public async Task Refusals_other_towns_report_404_approving_a_draft_409_wrong_role_403_open_quarter_409_bad_input_400()
    {
        var id = await Generated("2025Q4");
        var panlong = await Town(Make.Panlong);
        await (await panlong.PostAsync($"/api/reports/{id}/submit", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await panlong.GetAsync($"/api/reports/{id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await panlong.PutJson($"/api/reports/{id}/narrative", new { narrative = "越权" })).AssertProblem(HttpStatusCode.NotFound);
        var own = await (await panlong.GetAsync("/api/reports?quarter=2025Q4")).Ok();
        Assert.All(own.GetProperty("items").EnumerateArray(), r => Assert.Equal(Make.Panlong, r.GetProperty("unitCode").GetString()));
        Assert.Equal(1, own.GetProperty("total").GetInt32());

        var draft = await (await app.Staff.PostAsync($"/api/reports/{id}/approval", null)).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("尚未提交", draft.GetProperty("detail").GetString());
        await (await app.Staff.PostJson($"/api/reports/{id}/return", new { reason = "x" })).AssertProblem(HttpStatusCode.Conflict);

        var town = await Town();
        await (await town.PostAsync($"/api/reports/{id}/approval", null)).AssertProblem(HttpStatusCode.Forbidden);
        await (await app.Staff.PostAsync($"/api/reports/{id}/submit", null)).AssertProblem(HttpStatusCode.Forbidden);
        var op = await app.ClientAs(Role.Operator, facilities: []);
        await (await op.GetAsync("/api/reports")).AssertProblem(HttpStatusCode.Forbidden);
        await (await town.GetAsync("/api/reports/bulletin?quarter=2025Q4")).AssertProblem(HttpStatusCode.Forbidden);

        var open = await Generated("2026Q4");
        var early = await (await town.PostAsync($"/api/reports/{open}/submit", null)).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("尚未结束", early.GetProperty("detail").GetString());

        Assert.Contains("季度", await (await app.Staff.PostJson("/api/reports/generate", new { quarter = "2025-5" })).AssertFieldError("quarter"));
        await (await app.Staff.GetAsync("/api/reports?status=lost")).AssertFieldError("status");
        var tooLong = new string('说', UpdateReportNarrative.MaxLength + 1);
        var longOne = await town.PutJson($"/api/reports/{id}/narrative", new { narrative = tooLong });
        Assert.Contains("情况说明", await longOne.AssertFieldError("narrative"));
        await (await town.PutJson($"/api/reports/{id}/narrative", new { narrative = "旧版本", version = 999 })).AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_bulletin_docx_reads_back_with_the_approved_reports_numbers_and_the_xlsx_has_a_row_each()
    {
        foreach (var unit in new[] { Make.Changyuan, Make.Panlong })
        {
            var id = await Submitted("2024Q4", unit);
            await (await app.Staff.PostAsync($"/api/reports/{id}/approval", null)).Ok();
        }
        var bulletin = await (await app.Staff.GetAsync("/api/reports/bulletin?quarter=2024Q4")).Ok();
        Assert.Equal(2, bulletin.GetProperty("approved").GetInt32());
        Assert.Equal(21, bulletin.GetProperty("reports").GetInt32());
        Assert.Equal(["昌元街道", "盘龙镇"], bulletin.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("unitName").GetString()).Order());

        var docx = await app.Staff.GetAsync("/api/reports/bulletin/export.docx?quarter=2024Q4");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(BulletinDocument.ContentType, docx.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        Assert.Contains("2024年第4季度", body.InnerText);
        Assert.Contains("已审定锁定的镇街季报 2 份（共 21 份）", body.InnerText);
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        string[] Cells(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText).ToArray();
        var progress = tables[0].Elements<TableRow>().Skip(1).Select(Cells).ToList();
        var targets = bulletin.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(targets.Count, progress.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            decimal? value = t.GetProperty("value").ValueKind == JsonValueKind.Null ? null : t.GetProperty("value").GetDecimal();
            Assert.Equal(t.GetProperty("name").GetString(), progress[i][0]);
            Assert.Equal(ReportDisplay.Percent(value), progress[i][3]);
            Assert.Equal(BulletinDocument.Bar(value), progress[i][4]);
            Assert.Equal($"{t.GetProperty("unitsMet").GetInt32()}/{t.GetProperty("unitsRated").GetInt32()}", progress[i][5]);
        }
        var ranking = tables[1].Elements<TableRow>().Skip(1).Select(Cells).ToList();
        Assert.Equal(bulletin.GetProperty("ranking").EnumerateArray().Select(r => (r.GetProperty("unitName").GetString(),
            r.GetProperty("points").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ranking.Select(r => ((string?)r[1], r[2])));
        var totals = tables[2].Elements<TableRow>().Skip(1).Select(Cells).ToDictionary(r => r[0], r => r[1]);
        foreach (var t in bulletin.GetProperty("totals").EnumerateArray())
            Assert.Equal(ReportDisplay.Value(t.GetProperty("value").GetInt64(), t.GetProperty("unit").GetString()!),
                totals[t.GetProperty("name").GetString()!]);

        var xlsx = await app.Staff.GetAsync("/api/reports/statistics/export.xlsx?quarter=2024Q4");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "季报汇总").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([Make.Changyuan, Make.Panlong], rows.Select(r => r["单位代码"]?.ToString()));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", r["快照SHA-256"]?.ToString()));
    }

    [Fact]
    public async Task The_to_do_counts_the_towns_drafts_of_ended_quarters_and_the_districts_reports_to_approve()
    {
        var officer = await app.User(Role.TownOfficer, region: Make.Changyuan);
        var townUser = new ElderCare.Web.Features.Todo.TodoUser(Role.TownOfficer,
            ElderCare.Web.Features.Access.DataScope.For(Role.TownOfficer, Make.Changyuan, new HashSet<Guid>()), officer.Id);
        var district = new ElderCare.Web.Features.Todo.TodoUser(Role.DistrictStaff, ElderCare.Web.Features.Access.DataScope.District, Guid.NewGuid());
        var source = new ReportsTodoSource();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        async Task<(int Town, int District)> Counts()
        {
            await using var scope = app.Scope(out var db);
            return (await source.CountAsync(townUser, db, now, default), await source.CountAsync(district, db, now, default));
        }
        var before = await Counts();
        var id = await Generated("2024Q3");
        Assert.Equal((before.Town + 1, before.District), await Counts());
        await using (var scope = app.Scope(out var db))
        {
            var items = await source.ListAsync(townUser, db, now, 100, default);
            var item = Assert.Single(items, i => i.Link == $"/reports/{id}");
            Assert.Equal("昌元街道 2024年第3季度季报待提交", item.Title);
            Assert.True(item.Overdue); // due 2024-10-31
        }
        await (await (await Town()).PostAsync($"/api/reports/{id}/submit", null)).Ok();
        Assert.Equal((before.Town, before.District + 1), await Counts());
    }

    [Fact]
    public async Task The_report_page_shows_the_values_and_the_district_approves_with_the_confirmation_ticked()
    {
        var id = await Submitted("2024Q2");
        var page = await app.Staff.Page($"/reports/{id}");
        Assert.Contains("昌元街道 2024年第2季度季报", page.Text);
        Assert.Contains("已建成养老服务设施数", page.Text);
        var unticked = await app.PostForm(app.Staff, $"/reports/{id}?handler=Approve");
        Assert.NotNull((await unticked.Page()).FieldError("confirm"));
        var approved = await (await app.PostForm(app.Staff, $"/reports/{id}?handler=Approve", ("Confirm", "true"))).Page();
        Assert.Contains("已审定（锁定）", approved.Text);
        var verified = await app.Staff.Page($"/reports/{id}?verify=true");
        Assert.Contains("快照完好", verified.Text);
        var town = await Town();
        var list = await town.Page("/reports?quarter=2024Q2");
        Assert.Contains($"/reports/{id}", list.Links);
        Assert.Single(list.Links, l => l.StartsWith("/reports/", StringComparison.Ordinal) && Guid.TryParse(l["/reports/".Length..], out _));
        var bulletin = await app.Staff.Page("/reports/bulletin?quarter=2024Q2");
        Assert.Contains("镇街排名", bulletin.Text);
        Assert.Contains("/api/reports/bulletin/export.docx?quarter=2024Q2", bulletin.Links);
    }
}
