using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.FamilyBeds;

public sealed record FamilyBedResource(Guid Id, Guid ElderId, string ElderName, Guid FacilityId, string FacilityName, DateOnly SignedOn, DateOnly? EndedOn,
    IReadOnlyList<string> Adaptations, IReadOnlyList<string> Devices, Guid ServiceItemId, string ItemName, int VisitsPerMonth, int VisitHour,
    PlanKept Month);

/// <summary>Whether the care plan is kept in a month: visits planned, scheduled (orders), verified (EVV) and missed.</summary>
public sealed record PlanKept(string Month, int Planned, int Scheduled, int Verified, int Missed, bool Kept);

public sealed record CentreBeds(Guid FacilityId, string FacilityName, int Beds, int Planned, int Verified);

/// <summary>家庭养老床位: agreements, the care plan's scheduled visits, whether the plan is kept, and counts per centre.</summary>
public static class FamilyBedsUseCases
{
    public sealed record OpenInput(Guid? ElderId, Guid? FacilityId, DateOnly? SignedOn, List<string>? Adaptations, List<string>? Devices,
        Guid? ServiceItemId, int? VisitsPerMonth, int? VisitHour);

    public static IQueryable<FamilyCareBed> InScope(this IQueryable<FamilyCareBed> beds, DataScope scope) => scope.Kind switch
    {
        ScopeKind.District => beds,
        ScopeKind.Unit => beds.Where(b => b.UnitCode == scope.RegionCode),
        ScopeKind.Facilities => beds.Where(b => scope.FacilityIds.Contains(b.FacilityId)),
        _ => beds.Where(b => false),
    };

    public static async Task<Outcome<FamilyBedResource>> Open(OpenInput input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var scope = user.Scope;
        var today = clock.Today();
        var errors = new FieldErrors();
        input = input with { Devices = errors.Texts(input.Devices, "devices", "设备", 50) };
        var elder = input.ElderId is { } eid ? await db.Elders.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(e => e.Id == eid && e.Status == ElderStatus.Active, ct) : null;
        errors.AddIf(elder is null, "elderId", "找不到该老年人，或不在您的管辖范围内。");
        var facility = input.FacilityId is { } fid ? await db.Facilities.AsNoTracking().InScope(scope).FirstOrDefaultAsync(f => f.Id == fid && f.Status == FacilityStatus.Operating, ct) : null;
        errors.AddIf(facility is null, "facilityId", "请选择运营中的养老服务中心或站。");
        var item = input.ServiceItemId is { } iid ? await db.ServiceItems.AsNoTracking().InEffect(today).FirstOrDefaultAsync(i => i.Id == iid, ct) : null;
        errors.AddIf(item is null, "serviceItemId", "请选择照护计划的服务项目（今日有效）。");
        errors.AddIf(input.VisitsPerMonth is null or < 1 or > 31, "visitsPerMonth", "每月上门次数为 1 至 31。");
        errors.AddIf(input.VisitHour is < 6 or > 20, "visitHour", "上门时间为 6 至 20 点。");
        var adaptations = (input.Adaptations ?? []).Select(a => a.Trim()).Distinct().ToList();
        foreach (var a in adaptations.Where(a => !FamilyBedChecklist.Adaptations.ContainsKey(a)))
            errors.Add("adaptations", $"未知的改造项“{a}”，可选：{string.Join("、", FamilyBedChecklist.Adaptations.Keys)}。");
        var devices = (input.Devices ?? []).Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
        errors.AddIf(devices.Count > 20 || devices.Any(d => d.Length > 50), "devices", "设备最多 20 项，每项不超过 50 字。");
        errors.AddIf(input.SignedOn is { } s && s > today, "signedOn", "签约日期不能晚于今天。");
        if (errors.Any) return Outcome<FamilyBedResource>.Invalid(errors);
        if (await db.FamilyCareBeds.AnyAsync(b => b.ElderId == elder!.Id && b.EndedOn == null, ct))
            return Outcome<FamilyBedResource>.Conflict("该老年人已有在约的家庭养老床位。");
        var bed = new FamilyCareBed
        {
            ElderId = elder!.Id, FacilityId = facility!.Id, UnitCode = elder.UnitCode, SignedOn = input.SignedOn ?? today, Adaptations = adaptations, Devices = devices,
            ServiceItemId = item!.Id, VisitsPerMonth = input.VisitsPerMonth!.Value, VisitHour = input.VisitHour ?? 9, CreatedBy = user.UserName ?? "",
            CreatedAt = clock.UtcNow(),
        };
        db.FamilyCareBeds.Add(bed);
        await db.SaveChangesAsync(ct);
        return (await List(null, scope, db, clock, ct, bed.Id)).Single();
    }

    /// <summary>
    /// The care plan generates the month's visits: n orders on days spread evenly over the month at the plan's hour,
    /// lasting the item's standard duration (at least an hour's window), skipping days already past. Idempotent per month.
    /// </summary>
    public static async Task<Outcome<PlanKept>> Schedule(Guid id, string? month, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var bed = await db.FamilyCareBeds.AsNoTracking().InScope(user.Scope).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bed is null) return Outcome<PlanKept>.NotFound("找不到该家庭养老床位，或不在您的管辖范围内。");
        var m = string.IsNullOrWhiteSpace(month) ? ServiceTime.Month(clock.UtcNow()) : ServiceTime.ParseMonth(month);
        if (m is null) return Outcome<PlanKept>.Invalid("month", "月份格式为 yyyy-MM，如 2026-12。");
        if (bed.EndedOn is not null) return Outcome<PlanKept>.Conflict("该床位协议已终止。");
        if (await db.ServiceOrders.AnyAsync(o => o.FamilyBedId == bed.Id && o.ServiceMonth == m, ct))
            return Outcome<PlanKept>.Conflict($"{ServiceTime.MonthText(m.Value)} 的上门服务已生成。");
        var item = await db.ServiceItems.AsNoTracking().FirstAsync(i => i.Id == bed.ServiceItemId, ct);
        var provider = await db.ServiceProviders.AsNoTracking().Where(p => p.FacilityId == bed.FacilityId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var first = new DateOnly(m.Value / 100, m.Value % 100, 1);
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        var now = clock.UtcNow();
        // The month's visits are made together or not at all: a refused visit must not leave half a plan that the
        // "already generated" check above would then block from completing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var day in PlanDays(bed.VisitsPerMonth, days))
        {
            var start = ServiceTime.Utc(first.AddDays(day - 1).ToDateTime(new TimeOnly(bed.VisitHour, 0)));
            var end = start.AddMinutes(Math.Max(60, item.StandardMinutes));
            if (end < now) continue;
            var outcome = await RaiseOrder.Handle(new RaiseOrder.Input(bed.ElderId, item.Id, new DateTimeOffset(start), new DateTimeOffset(end), provider, OrderChannel.CarePlan),
                user, db, clock, ct, bed.Id);
            if (!outcome.IsOk) return Outcome<PlanKept>.Invalid(outcome.Errors ?? new FieldErrors().Add("month", outcome.Message ?? "无法生成上门服务。"));
        }
        await tx.CommitAsync(ct);
        return (await List(ServiceTime.MonthText(m.Value), user.Scope, db, clock, ct, bed.Id)).Single().Month;
    }

    /// <summary>Days 1…n of the month for n visits spread evenly (pure).</summary>
    public static IReadOnlyList<int> PlanDays(int visits, int daysInMonth) =>
        Enumerable.Range(0, Math.Min(visits, daysInMonth)).Select(i => 1 + i * daysInMonth / Math.Min(visits, daysInMonth)).ToList();

    public static async Task<IReadOnlyList<FamilyBedResource>> List(string? month, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct, Guid? only = null)
    {
        var m = ServiceTime.ParseMonth(month) ?? ServiceTime.Month(clock.UtcNow());
        var beds = db.FamilyCareBeds.AsNoTracking().InScope(scope);
        if (only is { } id) beds = beds.Where(b => b.Id == id);
        var rows = await beds.OrderBy(b => b.FacilityId).ThenBy(b => b.SignedOn).Take(1000)
            .Select(b => new
            {
                Bed = b,
                Elder = db.Elders.Where(e => e.Id == b.ElderId).Select(e => e.Name).First(),
                Facility = db.Facilities.Where(f => f.Id == b.FacilityId).Select(f => f.Name).First(),
                Item = db.ServiceItems.Where(i => i.Id == b.ServiceItemId).Select(i => i.Name).First(),
                Scheduled = db.ServiceOrders.Count(o => o.FamilyBedId == b.Id && o.ServiceMonth == m && o.Status != OrderStatus.Cancelled),
                Verified = db.ServiceOrders.Count(o => o.FamilyBedId == b.Id && o.ServiceMonth == m && o.Status == OrderStatus.Completed && o.Verification == Verification.Verified),
                Missed = db.ServiceOrders.Count(o => o.FamilyBedId == b.Id && o.ServiceMonth == m && o.Status == OrderStatus.Missed),
            }).ToListAsync(ct);
        return rows.Select(r => new FamilyBedResource(r.Bed.Id, r.Bed.ElderId, r.Elder, r.Bed.FacilityId, r.Facility, r.Bed.SignedOn, r.Bed.EndedOn, r.Bed.Adaptations,
            r.Bed.Devices, r.Bed.ServiceItemId, r.Item, r.Bed.VisitsPerMonth, r.Bed.VisitHour,
            new PlanKept(ServiceTime.MonthText(m), r.Bed.VisitsPerMonth, r.Scheduled, r.Verified, r.Missed, r.Verified >= r.Bed.VisitsPerMonth))).ToList();
    }

    /// <summary>Beds in force per centre and this month's planned and verified visits (the dashboard's figures).</summary>
    public static async Task<IReadOnlyList<CentreBeds>> PerCentre(DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var m = ServiceTime.Month(clock.UtcNow());
        var rows = await db.FamilyCareBeds.AsNoTracking().InScope(scope).Where(b => b.EndedOn == null).GroupBy(b => b.FacilityId)
            .Select(g => new { FacilityId = g.Key, Beds = g.Count(), Planned = g.Sum(b => b.VisitsPerMonth) }).ToListAsync(ct);
        var ids = rows.Select(r => r.FacilityId).ToList();
        var verified = await db.ServiceOrders.AsNoTracking().Verified().Where(o => o.ServiceMonth == m && o.FamilyBedId != null)
            .Join(db.FamilyCareBeds.Where(b => ids.Contains(b.FacilityId)), o => o.FamilyBedId, b => b.Id, (o, b) => b.FacilityId)
            .GroupBy(f => f).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return rows.Select(r => new CentreBeds(r.FacilityId, names.GetValueOrDefault(r.FacilityId, ""), r.Beds, r.Planned, verified.GetValueOrDefault(r.FacilityId)))
            .OrderBy(r => r.FacilityName, StringComparer.Ordinal).ToList();
    }
}

public static class FamilyBedsApi
{
    public static RouteGroupBuilder MapFamilyBedsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/family-beds").WithTags("家庭养老床位").RequireAuthorization(Roles.Policies.ReadFamilyBeds);
        g.MapGet("/", async (string? month, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await FamilyBedsUseCases.List(month, user.Scope, db, clock, ct)))
            .WithSummary("家庭养老床位列表，附当月照护计划执行情况（计划、已排、核验通过、未上门）");
        g.MapGet("/statistics", async (CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await FamilyBedsUseCases.PerCentre(user.Scope, db, clock, ct)))
            .WithSummary("按养老服务中心统计在约床位数和当月计划、核验通过的上门次数");
        g.MapPost("/", async (FamilyBedsUseCases.OpenInput input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await FamilyBedsUseCases.Open(input, user, db, clock, ct)).ToResult(b => TypedResults.Created($"/api/family-beds/{b.Id}", b)))
            .RequireAuthorization(Roles.Policies.WriteFamilyBeds)
            .WithSummary("签约家庭养老床位：适老化改造清单、安装设备、照护计划（服务项目、每月上门次数）");
        g.MapPost("/{id:guid}/schedule", async (Guid id, string? month, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                (await FamilyBedsUseCases.Schedule(id, month, user, db, clock, ct)).ToResult(TypedResults.Ok))
            .RequireAuthorization(Roles.Policies.WriteFamilyBeds)
            .WithSummary("按照护计划生成某月的上门服务工单（每月一次，重复生成返回 409）");
        return api;
    }
}
