using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The seeded default checklist (三(一) monthly supervision). The construction items reuse the rule names of
/// Facilities/Compliance (附件1); the safety, service and record items and the deadline table (紧急 24 小时, 严重 3 天,
/// 一般 7 天, 轻微 15 天) are placeholders the policy does not give, marked 待确认 until the district confirms them (ADR 0023).
/// </summary>
public static class SupervisionDefaults
{
    /// <summary>The year the default is in force from (the policy's year; a later year's checklist replaces it).</summary>
    public const int Year = 2020;

    private static ChecklistItem I(string code, ChecklistGroup group, string text) => new() { Code = code, Group = group, Text = text };

    public static List<ChecklistItem> Items() =>
    [
        I("min-floor-area", ChecklistGroup.Construction, "建筑面积达到附件1 标准（街道中心 1500 ㎡、镇中心 800 ㎡、社区站 300 ㎡）"),
        I("required-zones", ChecklistGroup.Construction, "功能区域按附件1 设置齐全并实际使用"),
        I("min-beds", ChecklistGroup.Construction, "托养护理区床位数达到附件1 标准（街道中心 20 张以上）"),
        I("dedicated-room", ChecklistGroup.Construction, "村级互助养老点有专用活动用房"),
        I("fire-safety", ChecklistGroup.Safety, "消防：灭火器、烟感、应急照明完好，疏散通道畅通，有消防演练记录"),
        I("food-safety", ChecklistGroup.Safety, "食品安全：许可证照齐全，留样 48 小时，从业人员健康证有效"),
        I("electrical-safety", ChecklistGroup.Safety, "用电：无私拉乱接，无违规使用大功率电器，电动车不在室内充电"),
        I("service-items", ChecklistGroup.Services, "按服务清单开展助餐、照料、文娱、健康等服务，价格公示"),
        I("staffing", ChecklistGroup.Services, "工作人员按岗配备，持证上岗"),
        I("service-records", ChecklistGroup.Records, "服务台账（服务对象、人次、内容）完整，与平台记录一致"),
        I("safety-records", ChecklistGroup.Records, "安全检查、消防演练、食品留样台账完整"),
        I("elder-files", ChecklistGroup.Records, "老年人档案、服务协议齐全"),
    ];

    public static List<RectificationDeadline> Deadlines() =>
    [
        new() { Severity = FindingSeverity.Urgent, Hours = 24 },
        new() { Severity = FindingSeverity.Serious, Hours = 72 },
        new() { Severity = FindingSeverity.General, Hours = 7 * 24 },
        new() { Severity = FindingSeverity.Minor, Hours = 15 * 24 },
    ];

    public static SupervisionChecklist Checklist() => new()
    {
        Year = Year, Name = "养老服务设施月度督导检查表（默认）", Items = Items(), Deadlines = Deadlines(), Source = Placeholders.Source,
    };

    /// <summary>Adds the default checklist when none is stored for its year; returns how many were added (0 or 1).</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.SupervisionChecklists.AnyAsync(c => c.Year == Year, ct)) return 0;
        db.SupervisionChecklists.Add(Checklist());
        return 1;
    }

    /// <summary>
    /// Stores the default when it is missing (a database the seed has not run on); two requests storing it at once are
    /// fine: the loser's insert fails on the unique year and the winner's row stands.
    /// </summary>
    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        if (await SeedAsync(db, ct) == 0) return;
        if (await db.SavedAsync(ct)) return;
        db.ChangeTracker.Clear();
    }

    /// <summary>The checklist in force for a year (the latest year not after it), the default stored first if none is.</summary>
    public static async Task<SupervisionChecklist?> InForceAsync(int year, AppDbContext db, CancellationToken ct)
    {
        await EnsureAsync(db, ct);
        return await db.SupervisionChecklists.AsNoTracking().Where(c => c.Year <= year).OrderByDescending(c => c.Year).FirstOrDefaultAsync(ct);
    }
}
