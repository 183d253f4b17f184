using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ElderCare.Web.Features.Regions;

/// <summary>
/// Corrects a region's statistical division code (the towns' codes 500153007–021 are unverified). Every
/// column that holds a region code follows in one transaction: a street's or town's communities and villages keep its
/// prefix (500153007001 → 500153107001), and so do the facilities, elders, plan rows, users, workers, meal sites,
/// orders and alarms filed under any of them. The change is kept in <see cref="RegionCodeChange"/> and audited.
/// </summary>
public static class ChangeRegionCode
{
    public sealed record Input(string? NewCode, string? Reason);

    /// <summary>What changed: the old and new code and how many rows of each kind followed.</summary>
    public sealed record Result(string OldCode, string NewCode, IReadOnlyDictionary<string, int> Followed);

    /// <summary>
    /// Every column that holds a region code (ADR 0021). A test fails when the model gains a column named like a region
    /// code (…RegionCode, …UnitCode, ParentCode, RegionCodes) that is not listed here.
    /// </summary>
    public static readonly IReadOnlyList<(Type Entity, string Property, string Label)> References =
    [
        (typeof(Region), nameof(Region.Code), "区域"),
        (typeof(Region), nameof(Region.ParentCode), "下级区域"),
        (typeof(Facilities.Facility), nameof(Facilities.Facility.RegionCode), "设施"),
        (typeof(Facilities.Facility), nameof(Facilities.Facility.UnitCode), "设施（所属镇街）"),
        (typeof(Plan.PlanLine), nameof(Plan.PlanLine.UnitCode), "规划行"),
        (typeof(Elders.Elder), nameof(Elders.Elder.RegionCode), "老年人"),
        (typeof(Elders.Elder), nameof(Elders.Elder.UnitCode), "老年人（所属镇街）"),
        (typeof(AppUser), nameof(AppUser.RegionCode), "用户管辖范围"),
        (typeof(Alarms.Alarm), nameof(Alarms.Alarm.RegionCode), "紧急呼叫"),
        (typeof(Alarms.Alarm), nameof(Alarms.Alarm.UnitCode), "紧急呼叫（所属镇街）"),
        (typeof(Alarms.Device), nameof(Alarms.Device.RegionCode), "智能终端"),
        (typeof(Alarms.Device), nameof(Alarms.Device.UnitCode), "智能终端（所属镇街）"),
        (typeof(Meals.Kitchen), nameof(Meals.Kitchen.RegionCode), "助餐厨房"),
        (typeof(Meals.Kitchen), nameof(Meals.Kitchen.UnitCode), "助餐厨房（所属镇街）"),
        (typeof(Meals.DiningPoint), nameof(Meals.DiningPoint.RegionCode), "助餐点"),
        (typeof(Meals.DiningPoint), nameof(Meals.DiningPoint.UnitCode), "助餐点（所属镇街）"),
        (typeof(Meals.MealOrder), nameof(Meals.MealOrder.UnitCode), "助餐订单"),
        (typeof(Services.ServiceProvider), nameof(Services.ServiceProvider.UnitCode), "服务机构"),
        (typeof(Services.ServiceOrder), nameof(Services.ServiceOrder.RegionCode), "服务工单"),
        (typeof(Services.ServiceOrder), nameof(Services.ServiceOrder.UnitCode), "服务工单（所属镇街）"),
        (typeof(FamilyBeds.FamilyCareBed), nameof(FamilyBeds.FamilyCareBed.UnitCode), "家庭养老床位"),
        (typeof(Services.Worker), nameof(Services.Worker.RegionCodes), "服务人员服务区域"),
        (typeof(Evaluations.Evaluation), nameof(Evaluations.Evaluation.UnitCode), "评估表（所属镇街）"),
        (typeof(Evidence.EvidenceFile), nameof(Evidence.EvidenceFile.UnitCode), "证明材料（所属镇街）"),
        (typeof(Subsidies.Placement), nameof(Subsidies.Placement.UnitCode), "特困供养安置（所属镇街）"),
        (typeof(Subsidies.LedgerLine), nameof(Subsidies.LedgerLine.TownCode), "资金台账（所属镇街）"),
        // Reports: the report row follows its unit; a locked snapshot keeps the code it was submitted under (ADR 0021).
        (typeof(Reports.QuarterlyReport), nameof(Reports.QuarterlyReport.UnitCode), "季报（所属镇街）"),
        (typeof(Supervision.Inspection), nameof(Supervision.Inspection.UnitCode), "督导检查（所属镇街）"),
        (typeof(Supervision.SupervisionFinding), nameof(Supervision.SupervisionFinding.UnitCode), "督导问题（所属镇街）"),
        (typeof(Tasks.DutyTask), nameof(Tasks.DutyTask.UnitCode), "任务（所属镇街）"),
        (typeof(Tasks.DutyTask), nameof(Tasks.DutyTask.RegionCode), "任务（社区、村）"),
        (typeof(Tasks.DutyEntry), nameof(Tasks.DutyEntry.UnitCode), "责任清单（所属镇街）"),
        // Integration accounts and event subscriptions are scoped like users (ADR 29); a queued message keeps its scope too.
        (typeof(Integrations.ApiClient), nameof(Integrations.ApiClient.RegionCode), "接口账户管辖范围"),
        (typeof(Outbound.WebhookSubscription), nameof(Outbound.WebhookSubscription.RegionCode), "事件订阅范围"),
        (typeof(Outbound.OutboxMessage), nameof(Outbound.OutboxMessage.RegionCode), "待发消息（所属区域）"),
        (typeof(Assessments.ReassessmentAssignment), nameof(Assessments.ReassessmentAssignment.UnitCode), "重新评估分配（所属镇街）"),
        // The service map (二(四)): a unit's boundary and the candidate buildings follow the unit's new code.
        (typeof(Map.UnitBoundary), nameof(Map.UnitBoundary.RegionCode), "单位边界"),
        (typeof(Map.CandidateSite), nameof(Map.CandidateSite.RegionCode), "选址候选楼宇"),
    ];

    public static async Task<Outcome<Result>> Handle(string code, Input input, CurrentUser user, AppDbContext db, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null) return Outcome<Result>.NotFound($"区域 {code} 不存在。");
        var newCode = input.NewCode?.Trim() ?? "";
        var reason = input.Reason?.Trim() ?? "";
        var errors = new FieldErrors();
        CheckNewCode(region, newCode, errors);
        if (reason.Length == 0) errors.Add("reason", "请填写更正理由（如依据的统计用区划代码文件）。");
        else if (reason.Length > 300) errors.Add("reason", "更正理由不能超过 300 个字。");
        if (errors.Any) return Outcome<Result>.Invalid(errors);
        if (await db.Regions.AnyAsync(r => r.Code.StartsWith(newCode), ct))
            return Outcome<Result>.Conflict($"区域代码 {newCode} 已被使用，不能改成该代码。");

        Dictionary<string, int> followed;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                followed = await ApplyAsync(db, code, newCode, ct);
                db.RegionCodeChanges.Add(new RegionCodeChange
                {
                    OldCode = code, NewCode = newCode, Reason = reason, ChangedBy = user.UserName, ChangedAt = clock.UtcNow(),
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // Someone filed a record under the new code meanwhile (a unique index): nothing is kept.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return Outcome<Result>.Conflict($"更正时与其他数据冲突，未做任何更改：{newCode} 可能刚被使用，请刷新后重试。");
            }
        }
        await audit.AppendAsync(new AuditRecord(user.Id, user.UserName, "region.code-change", $"region/{code}", AuditOutcome.Success, user.Address,
            $"{region.Name}：{code} → {newCode}；理由：{reason}；随之更新：{Describe(followed)}"));
        return new Result(code, newCode, followed);
    }

    /// <summary>
    /// The new code of a region: its kind's length (区 6、镇街 9、村社区 12 位), digits, under its parent's code, its own
    /// part not all zeros, and different from the old one. The district's own code (GB/T 2260) is not corrected here.
    /// </summary>
    public static void CheckNewCode(Region region, string newCode, FieldErrors errors, string field = "newCode")
    {
        if (region.Kind == RegionKind.District)
        {
            errors.Add(field, "区的代码（GB/T 2260）不在此更正。");
            return;
        }
        var parent = region.ParentCode ?? "";
        var length = Region.CodeLength(region.Kind);
        if (newCode.Length == 0) errors.Add(field, "请填写新的区划代码。");
        else if (newCode.Length != length || !newCode.All(char.IsAsciiDigit) || !newCode.StartsWith(parent, StringComparison.Ordinal))
            errors.Add(field, $"{Labels.Of(region.Kind)}代码应为 {length} 位数字，并以上级代码 {parent} 开头。");
        else if (newCode.AsSpan(parent.Length).IndexOfAnyExcept('0') < 0)
            errors.Add(field, "代码的本级部分不能全为 0。");
        else if (newCode == region.Code)
            errors.Add(field, "新代码与原代码相同。");
    }

    /// <summary>
    /// Moves every reference from <paramref name="oldCode"/> (and every code under it) to <paramref name="newCode"/>,
    /// inside the caller's transaction. The caller has checked that nothing lies under the new code yet.
    /// </summary>
    public static async Task<Dictionary<string, int>> ApplyAsync(AppDbContext db, string oldCode, string newCode, CancellationToken ct)
    {
        var sql = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<ISqlGenerationHelper>(db);
        var followed = new Dictionary<string, int>();
        foreach (var (entity, property, label) in References)
        {
            int count;
            if (entity == typeof(Services.Worker))
            {
                var workers = await db.Workers.Where(w => w.RegionCodes.Any(c => c.StartsWith(oldCode))).ToListAsync(ct);
                foreach (var w in workers) w.RegionCodes = [.. w.RegionCodes.Select(c => Moved(c, oldCode, newCode))];
                await db.SaveChangesAsync(ct);
                count = workers.Count;
            }
            else
            {
                var type = db.Model.FindEntityType(entity)!;
                var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
                var t = sql.DelimitIdentifier(table.Name, table.Schema);
                var c = sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);
                // Codes are digits of a fixed length per level, so "starts with the old code" is exactly "is it or lies under it".
#pragma warning disable EF1002 // table and column names come from the model, the values are parameters
                count = await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE {t} SET {c} = {{0}} || substr({c}, {{1}}) WHERE substr({c}, 1, {{2}}) = {{3}}",
                    [newCode, oldCode.Length + 1, oldCode.Length, oldCode], ct);
#pragma warning restore EF1002
            }
            if (count > 0) followed[label] = followed.GetValueOrDefault(label) + count;
        }
        return followed;
    }

    /// <summary>A code under (or equal to) the old one, moved under the new one.</summary>
    public static string Moved(string code, string oldCode, string newCode) =>
        code.StartsWith(oldCode, StringComparison.Ordinal) ? newCode + code[oldCode.Length..] : code;

    public static string Describe(IReadOnlyDictionary<string, int> followed) =>
        followed.Count == 0 ? "无" : string.Join("、", followed.Select(f => $"{f.Key} {f.Value}"));
}
