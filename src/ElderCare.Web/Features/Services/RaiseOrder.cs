using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Raises an order for an elder in scope: the item in effect on the day, a window, optionally the provider it is sent
/// to; the subsidy and the elder's own share are computed at once (<see cref="Subsidy"/>) and fixed on the order.
/// </summary>
public static class RaiseOrder
{
    public sealed record Input(Guid? ElderId, Guid? ServiceItemId, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd,
        Guid? ProviderId = null, OrderChannel? Channel = null, string? Address = null);

    /// <summary>The longest window an order may have; dispatch relies on it to bound its overlap search.</summary>
    public const int MaxWindowHours = 12;

    internal sealed record Checked(Elder Elder, ServiceItem Item, DateTime Start, DateTime End, ServiceProvider? Provider, SubsidyQuote Quote);

    public static async Task<Outcome<SubsidyQuote>> Quote(Input input, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (errors, c) = await Check(input, scope, db, clock, ct);
        return errors.Any ? Outcome<SubsidyQuote>.Invalid(errors) : c!.Quote;
    }

    public static async Task<Outcome<OrderResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct,
        Guid? familyBedId = null)
    {
        var text = new FieldErrors();
        input = input with { Address = text.Text(input.Address, "address", "服务地址", FreeText.Address) };
        if (text.Any) return Outcome<OrderResource>.Invalid(text);
        var (errors, c) = await Check(input, user.Scope, db, clock, ct);
        if (errors.Any) return Outcome<OrderResource>.Invalid(errors);
        var now = clock.UtcNow();
        var by = user.UserName ?? "";
        var order = new ServiceOrder
        {
            ElderId = c!.Elder.Id, ServiceItemId = c.Item.Id, ItemCode = c.Item.Code, ItemName = c.Item.Name,
                StandardMinutes = c.Item.StandardMinutes,
            ProviderId = c.Provider?.Id, UnitCode = c.Elder.UnitCode, RegionCode = c.Elder.RegionCode,
                Address = input.Address?.Trim() is { Length: > 0 } a ? a : c.Elder.Address,
            WindowStart = c.Start, WindowEnd = c.End, ServiceMonth = ServiceTime.Month(c.Start),
            Channel = input.Channel ?? (user.Role == Role.Operator ? OrderChannel.Station : OrderChannel.Officer), Status = OrderStatus.Requested,
            PriceFen = c.Quote.PriceFen, SubsidyFen = c.Quote.SubsidyFen, OwnShareFen = c.Quote.OwnShareFen, RaisedBy = by,
                CreatedAt = now, FamilyBedId = familyBedId,
            Transitions = [new OrderTransition { Status = OrderStatus.Requested, At = now, By = by, Note = c.Quote.Reason }],
        };
        db.ServiceOrders.Add(order);
        await db.SaveChangesAsync(ct);
        return await GetOrder.Handle(order.Id, user.Scope, db, ct);
    }

    internal static async Task<(FieldErrors, Checked?)> Check(Input input, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var elder = input.ElderId is { } eid ? await db.Elders.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(e => e.Id == eid, ct) : null;
        if (elder is null) errors.Add("elderId", "找不到该老年人，或不在您的管辖范围内。");
        else errors.AddIf(elder.Status != ElderStatus.Active, "elderId", "该老年人不在册（已迁出或已故）。");
        DateTime start = default, end = default;
        if (input.WindowStart is not { } ws) errors.Add("windowStart", "请填写服务开始时间。");
        else start = ws.UtcDateTime;
        if (input.WindowEnd is not { } we) errors.Add("windowEnd", "请填写服务结束时间。");
        else end = we.UtcDateTime;
        if (input.WindowStart is not null && input.WindowEnd is not null)
        {
            errors.AddIf(end <= start, "windowEnd", "结束时间须晚于开始时间。");
            errors.AddIf(end - start > TimeSpan.FromHours(MaxWindowHours), "windowEnd", $"服务时段不超过 {MaxWindowHours} 小时。");
            errors.AddIf(end < clock.UtcNow(), "windowStart", "服务时段已经过去。");
        }
        var day = input.WindowStart is { } s ? ServiceTime.Day(s.UtcDateTime) : clock.Today();
        var item = input.ServiceItemId is { } iid ? await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == iid, ct) : null;
        if (item is null) errors.Add("serviceItemId", "请选择服务项目。");
        else if (!item.InEffectOn(day))
        {
            // An old version picked from a stale form: use the version in effect on the day.
            item = await db.ServiceItems.AsNoTracking().InEffect(day).FirstOrDefaultAsync(i => i.Code == item.Code, ct);
            if (item is null) errors.Add("serviceItemId", "该服务项目在服务日期不在目录中。");
        }
        ServiceProvider? provider = null;
        if (input.ProviderId is { } pid)
        {
            // Outside scope a provider reads as unknown (ADR 0019).
            provider = await db.ServiceProviders.AsNoTracking().InScope(scope).FirstOrDefaultAsync(p => p.Id == pid && p.Active, ct);
            errors.AddIf(provider is null, "providerId", "找不到该服务机构。");
        }
        else if (scope.Kind == ScopeKind.Facilities)
            errors.Add("providerId", "请选择本机构。");
        if (provider is not null && scope.Kind == ScopeKind.Facilities && !(provider.FacilityId is { } f && scope.FacilityIds.Contains(f)))
            errors.Add("providerId", "只能向本机构下单。");
        errors.AddIf(input.Address?.Length > 300, "address", "地址不超过 300 字。");
        if (errors.Any) return (errors, null);

        // The groups by the priority rules in force on the service day, age on that day (ADR 0018, ADR 0023).
        var rules = await PriorityRules.InForce(db, day, ct);
        var groups = PriorityGroups.Of(new PriorityFacts(IdNumber.Age(elder!.BirthDate, day), elder.LivingArrangement, elder.Categories,
            elder.CurrentLevel), rules)
            .Select(g => g.Group).ToList();
        var month = ServiceTime.Month(start);
        var used = await UsedAllowance(db, elder.Id, item!.Code, month, null, ct);
        var quote = Subsidy.Quote(item.PriceFen, item.SubsidizedGroups, item.MonthlyAllowanceFen, groups, used)
            with { Confirmed = item.Confirmed, Source = item.Source };
        return (errors, new Checked(elder, item, start, end, provider, quote));
    }

    /// <summary>This month's subsidy already taken by the elder for the item: orders still committed, and verified visits.</summary>
    public static async Task<long> UsedAllowance(AppDbContext db, Guid elderId, string itemCode, int month, Guid? except, CancellationToken ct)
    {
        var committed = OrderLifecycle.Committed;
        return await db.ServiceOrders.Where(o => o.ElderId == elderId && o.ItemCode == itemCode && o.ServiceMonth == month && o.Id != except
                && (committed.Contains(o.Status) || (o.Status == OrderStatus.Completed && o.Verification == Verification.Verified)))
            .SumAsync(o => o.SubsidyFen, ct);
    }
}
