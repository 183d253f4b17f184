using ElderCare.Web.Features.Elders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Services;

/// <summary>The seven categories of GB/T 43153-2023 《居家养老上门服务基本规范》.</summary>
public enum ServiceCategory { DailyLiving, BasicCare, HealthManagement, VisitingCare, EmotionalComfort, Errands, HomeAdaptation }

/// <summary>
/// An item of the district's service catalogue: unit, standard duration, price (fen), the qualification a worker must
/// hold (with an unexpired certificate), and for which priority groups the government buys it, up to what monthly
/// allowance per elder. Effective-dated: a new price is a new row from a date, the old one ends the day before.
/// </summary>
public sealed class ServiceItem : Shared.IPlaceholderFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable code across effective-dated versions, e.g. "bathing".</summary>
    public required string Code { get; set; }

    public ServiceCategory Category { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public int StandardMinutes { get; set; }
    public long PriceFen { get; set; }
    public string? RequiredQualification { get; set; }
    public List<PriorityGroup> SubsidizedGroups { get; set; } = [];
    public long MonthlyAllowanceFen { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    public int Version { get; set; } = 1;

    /// <summary>Where the figures come from: <see cref="Shared.Placeholders.Source"/> for the seeded ones (ADR 0023).</summary>
    public string Source { get; set; } = Shared.Placeholders.Source;

    /// <summary>When and by whom the district confirmed the price and allowance; null: 待确认.</summary>
    public DateTime? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }

    public bool Confirmed => ConfirmedAt is not null;

    public bool InEffectOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || EffectiveTo >= day);
}

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> e)
    {
        e.Property(x => x.Code).HasMaxLength(40);
        e.Property(x => x.Name).HasMaxLength(60);
        e.Property(x => x.Unit).HasMaxLength(20);
        e.Property(x => x.Category).HasMaxLength(30);
        e.Property(x => x.RequiredQualification).HasMaxLength(30);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.Source).HasMaxLength(200);
        e.Property(x => x.ConfirmedBy).HasMaxLength(100);
        e.Ignore(x => x.Confirmed);
        e.HasIndex(x => new { x.Code, x.EffectiveFrom }).IsUnique();
    }
}

/// <summary>Chinese names of categories and qualifications.</summary>
public static class ServiceLabels
{
    public static string Of(ServiceCategory c) => c switch
    {
        ServiceCategory.DailyLiving => "生活照料",
        ServiceCategory.BasicCare => "基础照护",
        ServiceCategory.HealthManagement => "健康管理",
        ServiceCategory.VisitingCare => "探访关爱",
        ServiceCategory.EmotionalComfort => "精神慰藉",
        ServiceCategory.Errands => "委托代办",
        ServiceCategory.HomeAdaptation => "家庭生活环境适老化改造",
        _ => c.ToString(),
    };

    /// <summary>Qualifications a worker may hold; an item names at most one.</summary>
    public static readonly IReadOnlyDictionary<string, string> Qualifications = new Dictionary<string, string>
    {
        ["elder-care"] = "养老护理员",
        ["helper"] = "助老员",
        ["bathing"] = "助浴员",
        ["nurse"] = "护士",
        ["counsellor"] = "心理咨询师/社工",
        ["driver"] = "驾驶员",
        ["fitter"] = "适老化改造施工",
    };

    public static string Qualification(string? code) => code is null ? "无" : Qualifications.TryGetValue(code, out var n) ? n : code;

    public static string Of(WorkerKind k) => k switch
    {
        WorkerKind.Caregiver => "护理员",
        WorkerKind.Helper => "助老员",
        WorkerKind.Driver => "驾驶员",
        _ => k.ToString(),
    };

    public static string Of(OrderStatus s) => s switch
    {
        OrderStatus.Requested => "待派单",
        OrderStatus.Assigned => "已派单",
        OrderStatus.InProgress => "服务中",
        OrderStatus.Completed => "已完成",
        OrderStatus.Cancelled => "已取消",
        OrderStatus.Missed => "未上门",
        _ => s.ToString(),
    };

    public static string Tone(OrderStatus s) => s switch
    {
        OrderStatus.Completed => "green",
        OrderStatus.Cancelled => "grey",
        OrderStatus.Missed => "red",
        OrderStatus.InProgress => "blue",
        _ => "amber",
    };

    public static string Of(Verification v) => v switch
    {
        Verification.Pending => "待核验",
        Verification.Verified => "核验通过",
        Verification.Flagged => "存疑",
        _ => v.ToString(),
    };

    public static string Tone(Verification v) => v switch
    {
        Verification.Verified => "green",
        Verification.Flagged => "red",
        _ => "grey",
    };

    public static string Of(OrderChannel c) => c switch
    {
        OrderChannel.Family => "家属",
        OrderChannel.Officer => "工作人员",
        OrderChannel.Station => "服务站",
        OrderChannel.Hotline => "服务热线",
        OrderChannel.CarePlan => "家庭养老床位照护计划",
        _ => c.ToString(),
    };

    public static string Of(ComplaintSeverity s) => s switch
    {
        ComplaintSeverity.Serious => "严重",
        ComplaintSeverity.General => "一般",
        ComplaintSeverity.Minor => "轻微",
        _ => s.ToString(),
    };
}
