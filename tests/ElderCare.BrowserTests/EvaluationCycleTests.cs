using System.Globalization;
using System.Text.RegularExpressions;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElderCare.BrowserTests;

/// <summary>
/// The yearly evaluation cycle (三(二)(三)) through the real pages: the district opens a round and assigns a facility to a
/// third-party evaluator; the evaluator scores every indicator on a phone with photos as evidence and submits; the facility
/// objects once; the evaluator rescores and resubmits; the district approves, which locks the sheet with its grade.
/// </summary>
public sealed class EvaluationCycleTests(AppServer app, Chromium chromium) : IClassFixture<AppServer>
{
    private const int PhoneWidth = 390, PhoneHeight = 844;

    /// <summary>A whole 1×1 PNG (signature, IHDR, IDAT, IEND): what a phone's photo is to the evidence store's checks.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Points per card of the community station's annual template (满分 15,10,15,10,15,10,10,10,5): 78 分, 合格.</summary>
    private static readonly int[] FirstPoints = [13, 8, 12, 8, 12, 8, 8, 6, 3];

    [Fact]
    public async Task 区民政局开启年度批次并分配_评估员手机逐项评分传照片提交_设施提出一次异议_复核重交后审定锁定显示等级()
    {
        const string facilityName = "海棠社区养老服务站（评估）", organisation = "重庆康评第三方评估中心", roundName = "2026年度服务质量评估";
        var facility = await app.FacilityAsync(facilityName, FacilityType.CommunityStation, "500153001");
        var evaluator = await app.UserAsync(Role.Evaluator, displayName: "评估员 周敏");
        var operatorUser = await app.UserAsync(Role.Operator, facilities: [facility.Id], displayName: "站长 李红");
        var year = app.Clock.ChinaToday.Year.ToString(CultureInfo.InvariantCulture);

        // 1. The district opens the round and assigns the facility to the organisation and its evaluator.
        var staff = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.DistrictStaff, displayName: "区民政局 王芳"));
        var rounds = new EvaluationRoundsPage(staff, app.BaseUrl);
        await rounds.OpenAsync();
        await rounds.Year.FillAsync(year);
        await rounds.Kind.SelectOptionAsync(new SelectOptionValue { Label = "年度服务质量评估" });
        await rounds.Name.FillAsync(roundName);
        await rounds.Open.ClickAsync();
        await Expect(rounds.Flash).ToHaveTextAsync($"已开启评估批次“{roundName}”。");
        await Expect(rounds.Rounds).ToContainTextAsync($"{roundName}（{year} 年 · 年度服务质量评估");
        await rounds.Round.SelectOptionAsync(new SelectOptionValue { Label = roundName });
        await rounds.Facilities.SelectOptionAsync(facility.Id.ToString());
        await rounds.Organisation.FillAsync(organisation);
        await rounds.Evaluators.SelectOptionAsync(evaluator.Id.ToString());
        await rounds.Assign.ClickAsync();
        await Expect(rounds.Flash).ToHaveTextAsync("已分配 1 份评估表。");

        // 2. The evaluator, on a phone, finds the sheet, scores every card (photos where evidence is required) and submits.
        var phone = await chromium.NewSignedInPageAsync(app, evaluator, PhoneWidth, PhoneHeight);
        var list = new EvaluationListPage(phone, app.BaseUrl);
        await list.OpenAsync();
        await Expect(list.Row(facilityName)).ToContainTextAsync("草稿");
        await Expect(list.Row(facilityName)).ToContainTextAsync(organisation);
        await list.Link(facilityName).ClickAsync();
        var sheet = new EvaluationSheetPage(phone);
        var sheetUrl = phone.Url;
        await Expect(sheet.Cards).ToHaveCountAsync(FirstPoints.Length);
        // One card per indicator fits the phone's width: nothing to scroll sideways to.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        var folder = Directory.CreateTempSubdirectory("eldercare-evaluation-");
        try
        {
            var photo = Path.Combine(folder.FullName, "现场照片.png");
            await File.WriteAllBytesAsync(photo, Png);
            var withEvidence = new List<int>();
            for (var n = 0; n < FirstPoints.Length; n++)
            {
                await sheet.Points(n).FillAsync(FirstPoints[n].ToString(CultureInfo.InvariantCulture));
                await sheet.Note(n).FillAsync($"第 {n + 1} 项现场核查记录");
                if ((await sheet.Cards.Nth(n).TextContentAsync())!.Contains("须上传佐证材料。", StringComparison.Ordinal))
                {
                    await sheet.Files(n).SetInputFilesAsync(photo);
                    withEvidence.Add(n);
                }
            }
            Assert.Equal([0, 1, 2, 4, 6, 7], withEvidence); // the template's indicators that need evidence
            await sheet.Save.ClickAsync();
            await Expect(sheet.Flash).ToHaveTextAsync("评分已保存。");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await Expect(sheet.Summary).ToContainTextAsync(new Regex(@"总分 78(\.0)? 分，等级 合格（审定前为预览）"));
        await Expect(sheet.Files(0)).ToHaveAccessibleNameAsync(new Regex("^佐证材料（已有 1 份"));
        await Expect(sheet.Files(3)).ToHaveAccessibleNameAsync(new Regex("^佐证材料（已有 0 份"));
        await Expect(sheet.Points(7)).ToHaveValueAsync(new Regex(@"^6(\.0)?$"));
        await sheet.Submit.ClickAsync();
        await Expect(sheet.Flash).ToHaveTextAsync("评估已提交。");
        await Expect(sheet.Summary).ToContainTextAsync("已提交");
        await Expect(sheet.Save).ToHaveCountAsync(0); // a submitted sheet is read, not scored

        // 3. The facility's operator sees the submitted sheet and objects once.
        var operatorPage = await chromium.NewSignedInPageAsync(app, operatorUser);
        var operatorList = new EvaluationListPage(operatorPage, app.BaseUrl);
        await operatorList.OpenAsync();
        await Expect(operatorList.Row(facilityName)).ToContainTextAsync("已提交");
        await operatorList.Link(facilityName).ClickAsync();
        var objecting = new EvaluationSheetPage(operatorPage);
        await Expect(objecting.Scores).ToContainTextAsync("第 8 项现场核查记录");
        await Expect(objecting.Scores).ToContainTextAsync("佐证材料 1 份");
        await objecting.Reason.FillAsync("满意度回访名单漏计了第四季度的 12 名服务对象");
        await objecting.Object.ClickAsync();
        await Expect(objecting.Flash).ToHaveTextAsync("异议已提出。");
        await Expect(objecting.Summary).ToContainTextAsync("有异议");
        await Expect(objecting.Summary).ToContainTextAsync("满意度回访名单漏计了第四季度的 12 名服务对象");
        await Expect(objecting.Reason).ToHaveCountAsync(0);
        await Expect(objecting.Object).ToHaveCountAsync(0);

        // 4. The evaluator rescores satisfaction (6 → 10: 82 分) and resubmits straight away: what is typed on the cards
        // is saved with the resubmission, not lost.
        await phone.GotoAsync(sheetUrl);
        await Expect(sheet.Summary).ToContainTextAsync("满意度回访名单漏计了第四季度的 12 名服务对象");
        await sheet.Points(7).FillAsync("10");
        await sheet.Note(7).FillAsync("补充回访 12 名服务对象，满意率 100%");
        await sheet.Resubmit.ClickAsync();
        await Expect(sheet.Flash).ToHaveTextAsync("评估已提交。");
        await Expect(sheet.Summary).ToContainTextAsync(new Regex(@"总分 82(\.0)? 分，等级 良好（审定前为预览）"));

        // The objection was the facility's one: it is not offered again.
        await operatorPage.ReloadAsync();
        await Expect(objecting.Summary).ToContainTextAsync("已提交");
        await Expect(objecting.Reason).ToHaveCountAsync(0);

        // The district approves; the sheet is locked with its grade.
        await staff.GotoAsync(sheetUrl);
        var approving = new EvaluationSheetPage(staff);
        await Expect(approving.Approve).ToHaveTextAsync(new Regex(@"^审定并锁定（良好，82(\.0)? 分）$"));
        await approving.Approve.ClickAsync();
        await Expect(approving.Flash).ToHaveTextAsync("评估已审定并锁定。");
        await Expect(approving.Summary).ToContainTextAsync("已审定");
        await Expect(approving.Summary).ToContainTextAsync(new Regex(@"总分 82(\.0)? 分，等级 良好"));
        await Expect(approving.Summary).Not.ToContainTextAsync("预览");
        await Expect(approving.Summary).ToContainTextAsync("审定锁定，不能修改。");
        await Expect(approving.Approve).ToHaveCountAsync(0);
        var staffList = new EvaluationListPage(staff, app.BaseUrl);
        await staffList.OpenAsync();
        await Expect(staffList.Row(facilityName)).ToContainTextAsync("已审定");
        await Expect(staffList.Row(facilityName)).ToContainTextAsync(new Regex(@"82(\.0)? 分 · 良好"));

        // The evaluator's form is no longer offered.
        await phone.GotoAsync(sheetUrl);
        await Expect(sheet.Summary).ToContainTextAsync("已审定");
        await Expect(sheet.Cards).ToHaveCountAsync(0);
        await Expect(sheet.Save).ToHaveCountAsync(0);
        await Expect(sheet.Submit).ToHaveCountAsync(0);
        await Expect(sheet.Resubmit).ToHaveCountAsync(0);
        await Expect(sheet.Scores).ToContainTextAsync("补充回访 12 名服务对象，满意率 100%");

        // 5. The money follows the grade (三(二)(三)): the station has operated since 1 January, so on 1 December eleven
        // months have ended with it operating: 40,000 × 11/12 × 良好 0.9 = 33,000 元 of operating subsidy.
        await OperatingSinceAsync(facility.Id, new DateOnly(2026, 1, 1));
        const string explanation = "40,000 × 11/12 个月 × 良好 0.9 = 33,000 元";
        var ledger = new SubsidyLedgerPage(staff, app.BaseUrl);
        await ledger.OpenAsync(year);
        await ledger.ClaimYear.FillAsync(year);
        await ledger.Claim.ClickAsync();
        await Expect(staff.GetByText("请勾选确认后再操作。").First).ToBeVisibleAsync(); // nothing is claimed unconfirmed
        await ledger.ClaimYear.FillAsync(year);
        await ledger.ClaimConfirm.CheckAsync();
        await ledger.Claim.ClickAsync();
        await Expect(ledger.Flash).ToHaveTextAsync(new Regex($"^{year} 年新申报 [1-9][0-9]* 笔，冲销 0 笔。$"));
        await Expect(ledger.Line(facilityName)).ToHaveCountAsync(1);
        await Expect(ledger.Line(facilityName)).ToContainTextAsync("运营补贴");
        await Expect(ledger.Line(facilityName)).ToContainTextAsync("33,000.00");
        await Expect(ledger.Line(facilityName)).ToContainTextAsync(explanation);
        await Expect(ledger.Line(facilityName)).ToContainTextAsync("福彩公益金");
        await Expect(ledger.Line(facilityName)).ToContainTextAsync("已申报");

        // The town officer of the station's unit reviews the claim.
        var town = await chromium.NewSignedInPageAsync(app, await app.UserAsync(Role.TownOfficer, region: "500153001", displayName: "镇街 陈军"));
        var reviewing = new SubsidyLedgerPage(town, app.BaseUrl);
        await reviewing.OpenAsync(year);
        await Expect(reviewing.Claim).ToHaveCountAsync(0);
        await Expect(reviewing.Approve).ToHaveCountAsync(0);
        await reviewing.Select(facilityName).CheckAsync();
        await reviewing.ActConfirm.CheckAsync();
        await reviewing.Review.ClickAsync();
        await Expect(reviewing.Flash).ToHaveTextAsync("已审核 1 笔。");
        await Expect(reviewing.Line(facilityName)).ToContainTextAsync("镇街已审核");

        // The district approves, puts the line into a payment batch and records the payment.
        await ledger.OpenAsync(year);
        await ledger.Select(facilityName).CheckAsync();
        await ledger.ActConfirm.CheckAsync();
        await ledger.Approve.ClickAsync();
        await Expect(ledger.Flash).ToHaveTextAsync("已审批 1 笔。");
        await Expect(ledger.Line(facilityName)).ToContainTextAsync("区已审批");
        await ledger.Select(facilityName).CheckAsync();
        await ledger.ActConfirm.CheckAsync();
        await ledger.FundingSource.SelectOptionAsync(new SelectOptionValue { Label = "福彩公益金" });
        await ledger.Batch.ClickAsync();
        await Expect(ledger.Flash).ToHaveTextAsync(new Regex(@"^已生成支付批次 \S+（1 笔，33,000\.00 元）。$"));
        var batch = Regex.Match((await ledger.Flash.TextContentAsync())!, @"支付批次 (\S+)（").Groups[1].Value;
        await Expect(ledger.Line(facilityName)).ToContainTextAsync("已入批次");
        await Expect(ledger.BatchRow(batch)).ToContainTextAsync("33,000.00 元");
        await ledger.Voucher(batch).FillAsync("记-2026-1201-07");
        await ledger.PaidOn(batch).FillAsync("2026-12-01");
        await ledger.PaidConfirm(batch).CheckAsync();
        await ledger.Pay(batch).ClickAsync();
        await Expect(ledger.Flash).ToHaveTextAsync($"批次 {batch} 已登记支付（凭证号 记-2026-1201-07）。");
        await Expect(ledger.Line(facilityName)).ToContainTextAsync("已支付");
        await Expect(ledger.BatchRow(batch)).ToContainTextAsync("凭证号 记-2026-1201-07");

        // The ledger export a finance office accepts: the station's row in yuan, with its explanation and the payment.
        var download = await staff.RunAndWaitForDownloadAsync(() => ledger.Export.ClickAsync());
        var path = await download.PathAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Where(r => Equals(r["设施"], facilityName)).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(33000m, Convert.ToDecimal(row["金额（元）"], CultureInfo.InvariantCulture));
        Assert.Equal(explanation, row["计算说明"]);
        Assert.Equal("已支付", row["状态"]);
        Assert.Equal("记-2026-1201-07", row["凭证号"]);
        Assert.Equal(batch, row["批次号"]);
    }

    /// <summary>The station's status history says it has operated since <paramref name="since"/> (what a status change
    /// dated back would record): the history the operating subsidy counts months from.</summary>
    private async Task OperatingSinceAsync(Guid facilityId, DateOnly since)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ElderCare.Web.Data.AppDbContext>();
        var facility = await db.Facilities.Include(f => f.StatusHistory).SingleAsync(f => f.Id == facilityId);
        db.RemoveRange(facility.StatusHistory);
        facility.StatusHistory.Clear();
        facility.ChangeStatus(FacilityStatus.Operating, since, app.Clock.GetUtcNow().UtcDateTime);
        facility.OpenedOn = since;
        await db.SaveChangesAsync();
    }
}
