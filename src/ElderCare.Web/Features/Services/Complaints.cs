using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

public sealed record ComplaintResource(Guid Id, Guid OrderId, string ItemName, string ElderName, string? ProviderName, ComplaintSeverity Severity, string Text,
    DateTime ReceivedAt, DateTime DueAt, string ReceivedBy, DateTime? ResolvedAt, string? Resolution, bool Overdue);

/// <summary>Complaints about orders: filed with a severity that fixes the deadline; unresolved past it they are escalated.</summary>
public static class Complaints
{
    public sealed record FileInput(ComplaintSeverity? Severity, string? Text);

    public sealed record ResolveInput(string? Resolution);

    public static async Task<Outcome<ComplaintResource>> File(Guid orderId, FileInput input, CurrentUser user, AppDbContext db, ServiceOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await db.ServiceOrders.InScope(user.Scope, db).AnyAsync(o => o.Id == orderId, ct))
            return Outcome<ComplaintResource>.NotFound("找不到该工单，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Text = text.Text(input.Text, "text", "投诉内容", FreeText.LongText, multiLine: true) };
        if (text.Any) return Outcome<ComplaintResource>.Invalid(text);
        var errors = new FieldErrors()
            .AddIf(input.Severity is null, "severity", "请选择严重程度：serious（严重）、general（一般）、minor（轻微）。")
            .AddIf(string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > 1000, "text", "请填写投诉内容（不超过 1000 字）。");
        if (errors.Any) return Outcome<ComplaintResource>.Invalid(errors);
        var now = clock.UtcNow();
        var c = new Complaint
        {
            OrderId = orderId, Severity = input.Severity!.Value, Text = input.Text!.Trim(), ReceivedAt = now,
            DueAt = ComplaintDeadlines.DueAt(now, input.Severity.Value, options), ReceivedBy = user.UserName ?? "",
        };
        db.Complaints.Add(c);
        await db.SaveChangesAsync(ct);
        return (await List(null, false, user.Scope, db, clock, ct, c.Id)).Single();
    }

    public static async Task<Outcome<ComplaintResource>> Resolve(Guid id, ResolveInput input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var orders = db.ServiceOrders.InScope(user.Scope, db).Select(o => o.Id);
        var c = await db.Complaints.FirstOrDefaultAsync(x => x.Id == id && orders.Contains(x.OrderId), ct);
        if (c is null) return Outcome<ComplaintResource>.NotFound("找不到该投诉，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Resolution = text.Text(input.Resolution, "resolution", "处理结果", FreeText.LongText, multiLine: true) };
        if (text.Any) return Outcome<ComplaintResource>.Invalid(text);
        if (string.IsNullOrWhiteSpace(input.Resolution) || input.Resolution.Length > 1000)
            return Outcome<ComplaintResource>.Invalid("resolution", "请填写处理结果（不超过 1000 字）。");
        if (c.ResolvedAt is not null) return Outcome<ComplaintResource>.Conflict("该投诉已办结。");
        c.ResolvedAt = clock.UtcNow();
        c.ResolvedBy = user.UserName;
        c.Resolution = input.Resolution.Trim();
        await db.SaveChangesAsync(ct);
        return (await List(null, false, user.Scope, db, clock, ct, c.Id)).Single();
    }

    /// <summary>Complaints in scope, the open ones first by deadline; <paramref name="overdue"/> lists only the escalated ones.</summary>
    public static async Task<IReadOnlyList<ComplaintResource>> List(bool? open, bool overdue, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct, Guid? only = null)
    {
        var now = clock.UtcNow();
        var orders = db.ServiceOrders.AsNoTracking().InScope(scope, db);
        var q = from c in db.Complaints.AsNoTracking()
                join o in orders on c.OrderId equals o.Id
                select new { c, o.ItemName, o.ElderId, o.ProviderId };
        if (only is { } id) q = q.Where(x => x.c.Id == id);
        if (open == true || overdue) q = q.Where(x => x.c.ResolvedAt == null);
        if (overdue) q = q.Where(x => x.c.DueAt < now);
        var rows = await q.OrderBy(x => x.c.ResolvedAt != null).ThenBy(x => x.c.DueAt).Take(500)
            .Select(x => new { x.c, x.ItemName, Elder = db.Elders.Where(e => e.Id == x.ElderId).Select(e => e.Name).First(),
                Provider = db.ServiceProviders.Where(p => p.Id == x.ProviderId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(x => new ComplaintResource(x.c.Id, x.c.OrderId, x.ItemName, x.Elder, x.Provider, x.c.Severity, x.c.Text, x.c.ReceivedAt, x.c.DueAt,
            x.c.ReceivedBy, x.c.ResolvedAt, x.c.Resolution, ComplaintDeadlines.Overdue(x.c.DueAt, x.c.ResolvedAt, now))).ToList();
    }
}

public sealed record FollowUpResource(Guid Id, Guid OrderId, string ElderName, string ItemName, string? WorkerName, DateTime WindowStart,
    DateTime QueuedAt, DateTime? CalledAt, string? CalledBy, bool? Reached, bool? ServiceHappened, bool? Satisfied, string? Notes);

/// <summary>回访: the queue of completed orders drawn for a call, and the call's result.</summary>
public static class FollowUps
{
    public sealed record RecordInput(bool? Reached, bool? ServiceHappened, bool? Satisfied, string? Notes);

    public static async Task<IReadOnlyList<FollowUpResource>> List(bool pending, DataScope scope, AppDbContext db, CancellationToken ct, Guid? only = null)
    {
        var orders = db.ServiceOrders.AsNoTracking().InScope(scope, db);
        var q = from f in db.FollowUps.AsNoTracking() join o in orders on f.OrderId equals o.Id select new { f, o };
        if (only is { } id) q = q.Where(x => x.f.Id == id);
        if (pending) q = q.Where(x => x.f.CalledAt == null);
        var rows = await q.OrderBy(x => x.f.CalledAt != null).ThenBy(x => x.f.QueuedAt).Take(500)
            .Select(x => new FollowUpResource(x.f.Id, x.o.Id, db.Elders.Where(e => e.Id == x.o.ElderId).Select(e => e.Name).First(), x.o.ItemName,
                db.Workers.Where(w => w.Id == x.o.WorkerId).Select(w => w.Name).FirstOrDefault(), x.o.WindowStart, x.f.QueuedAt, x.f.CalledAt, x.f.CalledBy,
                x.f.Reached, x.f.ServiceHappened, x.f.Satisfied, x.f.Notes))
            .ToListAsync(ct);
        return rows;
    }

    public static async Task<Outcome<FollowUpResource>> Record(Guid id, RecordInput input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var orders = db.ServiceOrders.InScope(user.Scope, db).Select(o => o.Id);
        var f = await db.FollowUps.FirstOrDefaultAsync(x => x.Id == id && orders.Contains(x.OrderId), ct);
        if (f is null) return Outcome<FollowUpResource>.NotFound("找不到该回访，或不在您的管辖范围内。");
        var text = new FieldErrors();
        input = input with { Notes = text.Text(input.Notes, "notes", "回访记录", FreeText.LongText, multiLine: true) };
        if (text.Any) return Outcome<FollowUpResource>.Invalid(text);
        var errors = new FieldErrors()
            .AddIf(input.Reached is null, "reached", "请选择是否联系上老年人或家属。")
            .AddIf(input.Reached == true && input.ServiceHappened is null, "serviceHappened", "请选择服务是否确实发生。")
            .AddIf(input.Notes?.Length > 1000, "notes", "回访记录不超过 1000 字。");
        if (errors.Any) return Outcome<FollowUpResource>.Invalid(errors);
        f.CalledAt = clock.UtcNow();
        f.CalledBy = user.UserName;
        f.Reached = input.Reached;
        f.ServiceHappened = input.Reached == true ? input.ServiceHappened : null;
        f.Satisfied = input.Reached == true ? input.Satisfied : null;
        f.Notes = input.Notes?.Trim();
        await db.SaveChangesAsync(ct);
        return (await List(false, user.Scope, db, ct, f.Id)).Single();
    }
}
