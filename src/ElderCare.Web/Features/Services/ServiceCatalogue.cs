using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>An item; <c>Confirmed</c> false marks price and allowance as placeholders (待确认, ADR 0023), <c>Source</c> says where they come from.</summary>
public sealed record ServiceItemResource(Guid Id, string Code, ServiceCategory Category, string CategoryName, string Name, string Unit, int StandardMinutes,
    long PriceFen, string? RequiredQualification, IReadOnlyList<PriorityGroup> SubsidizedGroups, long MonthlyAllowanceFen,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, int Version, bool Confirmed, string Source, string? ConfirmedBy, DateTime? ConfirmedAt)
{
    public static ServiceItemResource From(ServiceItem i) => new(i.Id, i.Code, i.Category, ServiceLabels.Of(i.Category), i.Name, i.Unit, i.StandardMinutes,
        i.PriceFen, i.RequiredQualification, i.SubsidizedGroups, i.MonthlyAllowanceFen, i.EffectiveFrom, i.EffectiveTo, i.Version,
        i.Confirmed, i.Source, i.ConfirmedBy, i.ConfirmedAt);
}

/// <summary>
/// The district's service catalogue: the seven GB/T 43153-2023 categories with typical items (STANDARDS.md §7). Prices and
/// allowances are placeholders, seeded unconfirmed (待确认, ADR 0023) until the district confirms them or enters its own.
/// 助餐 lives with meal assistance, not here.
/// </summary>
public static class ServiceCatalogue
{
    public static readonly DateOnly SeedFrom = new(2026, 1, 1);

    private static readonly PriorityGroup[] AllGroups = Enum.GetValues<PriorityGroup>();
    private static readonly PriorityGroup[] Dependent = [PriorityGroup.Incapacitated, PriorityGroup.ExtremePoverty, PriorityGroup.AdvancedAgeAlone];

    public static IEnumerable<ServiceItem> Seed()
    {
        ServiceItem I(string code, ServiceCategory c, string name, string unit, int minutes, long price, string? q, PriorityGroup[] groups, long allowance) =>
            new() { Code = code, Category = c, Name = name, Unit = unit, StandardMinutes = minutes, PriceFen = price, RequiredQualification = q,
                SubsidizedGroups = [.. groups], MonthlyAllowanceFen = allowance, EffectiveFrom = SeedFrom };
        yield return I("bathing", ServiceCategory.DailyLiving, "助浴", "次", 60, 6000, "bathing", Dependent, 12000);
        yield return I("cleaning", ServiceCategory.DailyLiving, "助洁（居室清洁）", "次", 120, 8000, null, AllGroups, 16000);
        yield return I("laundry", ServiceCategory.DailyLiving, "助洁（衣物洗涤）", "次", 60, 3000, null, Dependent, 6000);
        yield return I("walking", ServiceCategory.DailyLiving, "助行（陪同散步）", "次", 60, 3000, "helper", AllGroups, 6000);
        yield return I("repositioning", ServiceCategory.BasicCare, "体位转换与压疮预防", "次", 30, 4000, "elder-care", [PriorityGroup.Incapacitated], 16000);
        yield return I("feeding", ServiceCategory.BasicCare, "协助进食、服药", "次", 30, 3000, "elder-care", [PriorityGroup.Incapacitated], 12000);
        yield return I("toileting", ServiceCategory.BasicCare, "排泄照护", "次", 30, 4000, "elder-care", [PriorityGroup.Incapacitated], 16000);
        yield return I("vitals", ServiceCategory.HealthManagement, "生命体征测量", "次", 20, 1500, "nurse", AllGroups, 3000);
        yield return I("medication-reminder", ServiceCategory.HealthManagement, "用药提醒与健康档案", "次", 20, 1000, "helper", AllGroups, 2000);
        yield return I("escort-medical", ServiceCategory.HealthManagement, "助医（陪同就诊）", "次", 180, 9000, "helper", Dependent, 9000);
        yield return I("home-visit", ServiceCategory.VisitingCare, "定期探访", "次", 30, 2000, "helper", AllGroups, 8000);
        yield return I("phone-call", ServiceCategory.VisitingCare, "电话问候", "次", 10, 300, null, AllGroups, 1200);
        yield return I("companionship", ServiceCategory.EmotionalComfort, "陪伴聊天", "次", 60, 3000, "helper", AllGroups, 6000);
        yield return I("counselling", ServiceCategory.EmotionalComfort, "心理疏导", "次", 60, 6000, "counsellor", [PriorityGroup.LostOnlyChild, PriorityGroup.LeftBehind, PriorityGroup.AdvancedAgeAlone], 6000);
        yield return I("shopping", ServiceCategory.Errands, "代购", "次", 60, 2000, null, Dependent, 4000);
        yield return I("bill-payment", ServiceCategory.Errands, "代缴、代领", "次", 60, 2000, null, Dependent, 4000);
        yield return I("grab-bars", ServiceCategory.HomeAdaptation, "安装扶手", "处", 120, 30000, "fitter", [PriorityGroup.ExtremePoverty, PriorityGroup.Incapacitated], 30000);
        yield return I("anti-slip", ServiceCategory.HomeAdaptation, "地面防滑处理", "间", 180, 40000, "fitter", [PriorityGroup.ExtremePoverty, PriorityGroup.Incapacitated], 40000);
        yield return I("emergency-call", ServiceCategory.HomeAdaptation, "安装紧急呼叫设备", "套", 60, 20000, "fitter", [PriorityGroup.ExtremePoverty, PriorityGroup.AdvancedAgeAlone, PriorityGroup.Incapacitated], 20000);
    }

    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var codes = await db.ServiceItems.Select(i => i.Code).Distinct().ToListAsync(ct);
        var added = 0;
        foreach (var item in Seed().Where(i => !codes.Contains(i.Code)))
        {
            db.ServiceItems.Add(item);
            added++;
        }
        return added;
    }

    public static async Task<IReadOnlyList<ServiceItemResource>> List(string? on, bool all, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var q = db.ServiceItems.AsNoTracking();
        if (!all) q = q.InEffect(DateOnly.TryParse(on, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : clock.Today());
        var items = await q.ToListAsync(ct);
        return items.OrderBy(i => i.Category).ThenBy(i => i.Code, StringComparer.Ordinal).ThenBy(i => i.EffectiveFrom).Select(ServiceItemResource.From).ToList();
    }
}

/// <summary>The district edits an item: in place (same effective date), or from a later date as a new version (the old one ends the day before).</summary>
public static class UpdateServiceItem
{
    public sealed record Input(string? Name, string? Unit, int? StandardMinutes, long? PriceFen, string? RequiredQualification,
        List<PriorityGroup>? SubsidizedGroups, long? MonthlyAllowanceFen, DateOnly? EffectiveFrom, int? Version);

    public static async Task<Outcome<ServiceItemResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.ServiceItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return Outcome<ServiceItemResource>.NotFound("找不到该服务项目。");
        var errors = new FieldErrors();
        input = input with { Name = errors.Text(input.Name, "name", "项目名称", 60), Unit = errors.Text(input.Unit, "unit", "计量单位", FreeText.Short) };
        var name = input.Name?.Trim() ?? item.Name;
        errors.AddIf(name.Length is 0 or > 60, "name", "请填写项目名称（不超过 60 字）。");
        var unit = input.Unit?.Trim() ?? item.Unit;
        errors.AddIf(unit.Length is 0 or > 20, "unit", "请填写计量单位，如“次”。");
        errors.AddIf(input.StandardMinutes is <= 0 or > 1440, "standardMinutes", "标准时长应为 1 至 1440 分钟。");
        errors.AddIf(input.PriceFen is < 0 or > 10_000_000, "priceFen", "价格（分）应为 0 至 10000000。");
        errors.AddIf(input.MonthlyAllowanceFen is < 0 or > 10_000_000, "monthlyAllowanceFen", "每月补贴额度（分）应为 0 至 10000000。");
        var qualification = input.RequiredQualification is null ? item.RequiredQualification : input.RequiredQualification.Trim() is { Length: > 0 } q ? q : null;
        errors.AddIf(qualification is not null && !ServiceLabels.Qualifications.ContainsKey(qualification), "requiredQualification",
            $"可选资质：{string.Join("、", ServiceLabels.Qualifications.Keys)}。");
        errors.AddIf(input.EffectiveFrom is { } from && from < item.EffectiveFrom, "effectiveFrom", "生效日期不能早于当前版本的生效日期。");
        if (errors.Any) return Outcome<ServiceItemResource>.Invalid(errors);
        if (input.Version is { } v && v != item.Version) return Outcome<ServiceItemResource>.Conflict("该项目已被他人修改，请刷新后再改。");

        var (oldPrice, oldAllowance) = (item.PriceFen, item.MonthlyAllowanceFen);
        var target = item;
        if (input.EffectiveFrom is { } start && start > item.EffectiveFrom)
        {
            if (await db.ServiceItems.AnyAsync(i => i.Code == item.Code && i.EffectiveFrom >= start, ct))
                return Outcome<ServiceItemResource>.Conflict("该日期或之后已有新版本。");
            item.EffectiveTo = start.AddDays(-1);
            item.Version++;
            target = new ServiceItem { Code = item.Code, Category = item.Category, Name = item.Name, Unit = item.Unit, StandardMinutes = item.StandardMinutes,
                PriceFen = item.PriceFen, RequiredQualification = item.RequiredQualification, SubsidizedGroups = [.. item.SubsidizedGroups],
                MonthlyAllowanceFen = item.MonthlyAllowanceFen, EffectiveFrom = start,
                Source = item.Source, ConfirmedAt = item.ConfirmedAt, ConfirmedBy = item.ConfirmedBy };
            db.ServiceItems.Add(target);
        }
        else target.Version++;
        target.Name = name;
        target.Unit = unit;
        target.StandardMinutes = input.StandardMinutes ?? target.StandardMinutes;
        target.PriceFen = input.PriceFen ?? target.PriceFen;
        target.RequiredQualification = qualification;
        if (input.SubsidizedGroups is { } g) target.SubsidizedGroups = [.. g.Distinct()];
        target.MonthlyAllowanceFen = input.MonthlyAllowanceFen ?? target.MonthlyAllowanceFen;
        // ADR 0023: a price or allowance the district changes is its own figure, so confirmed, with the user as source;
        // an edit that leaves both figures as they were keeps their confirmation state (a placeholder stays 待确认).
        if (target.PriceFen != oldPrice || target.MonthlyAllowanceFen != oldAllowance)
        {
            target.Source = Placeholders.EnteredBy(user.UserName);
            target.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
            target.ConfirmedBy = user.UserName;
        }
        await db.SaveChangesAsync(ct);
        return ServiceItemResource.From(target);
    }
}
