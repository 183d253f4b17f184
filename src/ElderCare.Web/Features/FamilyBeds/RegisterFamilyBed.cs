using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.FamilyBeds;

/// <summary>
/// 家庭养老床位签约: an active elder in scope, an operating centre in scope, the home-adaptation checklist, installed
/// devices and the care plan (an item in effect today, so many visits a month at an hour). One agreement in force per elder.
/// </summary>
public static class RegisterFamilyBed
{
    public sealed record Input(Guid? ElderId, Guid? FacilityId, DateOnly? SignedOn, List<string>? Adaptations, List<string>? Devices,
        Guid? ServiceItemId, int? VisitsPerMonth, int? VisitHour);

    public static async Task<Outcome<FamilyBedResource>> Handle(Input input, CurrentUser user, AppDbContext db, FamilyBedOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var scope = user.Scope;
        var today = clock.Today();
        var errors = new FieldErrors();
        input = input with { Devices = errors.Texts(input.Devices, "devices", "设备", 50) };
        var elder = input.ElderId is { } eid
            ? await db.Elders.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(e => e.Id == eid && e.Status == ElderStatus.Active, ct)
            : null;
        errors.AddIf(elder is null, "elderId", "找不到该老年人，或不在您的管辖范围内。");
        var facility = input.FacilityId is { } fid
            ? await db.Facilities.AsNoTracking().InScope(scope).FirstOrDefaultAsync(f => f.Id == fid && f.Status == FacilityStatus.Operating, ct)
            : null;
        errors.AddIf(facility is null, "facilityId", "请选择运营中的养老服务中心或站。");
        var item = input.ServiceItemId is { } iid
            ? await db.ServiceItems.AsNoTracking().InEffect(today).FirstOrDefaultAsync(i => i.Id == iid, ct)
            : null;
        errors.AddIf(item is null, "serviceItemId", "请选择照护计划的服务项目（今日有效）。");
        var (adaptations, devices) = Validate(input, options, today, errors);
        if (errors.Any) return Outcome<FamilyBedResource>.Invalid(errors);
        if (await db.FamilyCareBeds.AnyAsync(b => b.ElderId == elder!.Id && b.EndedOn == null, ct))
            return Outcome<FamilyBedResource>.Conflict("该老年人已有在约的家庭养老床位。");
        var bed = new FamilyCareBed
        {
            ElderId = elder!.Id, FacilityId = facility!.Id, UnitCode = elder.UnitCode, SignedOn = input.SignedOn ?? today,
            Adaptations = adaptations, Devices = devices, ServiceItemId = item!.Id, VisitsPerMonth = input.VisitsPerMonth!.Value,
            VisitHour = input.VisitHour ?? 9, CreatedBy = user.UserName ?? "", CreatedAt = clock.UtcNow(),
        };
        db.FamilyCareBeds.Add(bed);
        await db.SaveChangesAsync(ct);
        return await GetFamilyBed.Handle(bed.Id, ServiceTime.Month(clock.UtcNow()), scope, db, ct);
    }

    /// <summary>
    /// The plan and checklist rules (pure): 1–31 visits a month, the visit hour within the daytime of
    /// <see cref="FamilyBedOptions"/>, known adaptation items, at most 20 devices of 50 characters, signed no later than today.
    /// Returns the adaptations and devices trimmed and without repeats.
    /// </summary>
    public static (List<string> Adaptations, List<string> Devices) Validate(Input input, FamilyBedOptions options, DateOnly today,
        FieldErrors errors)
    {
        errors.AddIf(input.VisitsPerMonth is null or < 1 or > 31, "visitsPerMonth", "每月上门次数为 1 至 31。");
        errors.AddIf(input.VisitHour < options.EarliestVisitHour || input.VisitHour > options.LatestVisitHour, "visitHour",
            $"上门时间为 {options.EarliestVisitHour} 至 {options.LatestVisitHour} 点。");
        var adaptations = (input.Adaptations ?? []).Select(a => a.Trim()).Distinct().ToList();
        foreach (var a in adaptations.Where(a => !FamilyBedChecklist.Adaptations.ContainsKey(a)))
            errors.Add("adaptations", $"未知的改造项“{a}”，可选：{string.Join("、", FamilyBedChecklist.Adaptations.Keys)}。");
        var devices = (input.Devices ?? []).Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
        errors.AddIf(devices.Count > 20 || devices.Any(d => d.Length > 50), "devices", "设备最多 20 项，每项不超过 50 字。");
        errors.AddIf(input.SignedOn is { } s && s > today, "signedOn", "签约日期不能晚于今天。");
        return (adaptations, devices);
    }
}
