using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The district edits an item: in place (same effective date), or from a later date as a new version (the old one ends
/// the day before).
/// </summary>
public static class UpdateServiceItem
{
    public sealed record Input(string? Name, string? Unit, int? StandardMinutes, long? PriceFen, string? RequiredQualification,
        List<PriorityGroup>? SubsidizedGroups, long? MonthlyAllowanceFen, DateOnly? EffectiveFrom, int? Version);

    public static async Task<Outcome<ServiceItemResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
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
        var qualification = input.RequiredQualification is null ? item.RequiredQualification
            : input.RequiredQualification.Trim() is { Length: > 0 } q ? q : null;
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
            target = new ServiceItem { Code = item.Code, Category = item.Category, Name = item.Name, Unit = item.Unit,
                StandardMinutes = item.StandardMinutes,
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
