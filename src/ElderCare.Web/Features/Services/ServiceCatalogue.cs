using ElderCare.Web.Data;
using ElderCare.Web.Features.Elders;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

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
    private static readonly PriorityGroup[] Adaptation = [PriorityGroup.ExtremePoverty, PriorityGroup.Incapacitated];

    public static IEnumerable<ServiceItem> Seed()
    {
        ServiceItem I(string code, ServiceCategory c, string name, string unit, int minutes, long price, string? q, PriorityGroup[] groups,
            long allowance) =>
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
        yield return I("counselling", ServiceCategory.EmotionalComfort, "心理疏导", "次", 60, 6000, "counsellor",
            [PriorityGroup.LostOnlyChild, PriorityGroup.LeftBehind, PriorityGroup.AdvancedAgeAlone], 6000);
        yield return I("shopping", ServiceCategory.Errands, "代购", "次", 60, 2000, null, Dependent, 4000);
        yield return I("bill-payment", ServiceCategory.Errands, "代缴、代领", "次", 60, 2000, null, Dependent, 4000);
        yield return I("grab-bars", ServiceCategory.HomeAdaptation, "安装扶手", "处", 120, 30000, "fitter", Adaptation, 30000);
        yield return I("anti-slip", ServiceCategory.HomeAdaptation, "地面防滑处理", "间", 180, 40000, "fitter", Adaptation, 40000);
        yield return I("emergency-call", ServiceCategory.HomeAdaptation, "安装紧急呼叫设备", "套", 60, 20000, "fitter",
            [PriorityGroup.ExtremePoverty, PriorityGroup.AdvancedAgeAlone, PriorityGroup.Incapacitated], 20000);
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
}
