using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>A complaint about an order in scope: its severity fixes the deadline (<see cref="ComplaintDeadlines"/>).</summary>
public static class RaiseComplaint
{
    public sealed record Input(ComplaintSeverity? Severity, string? Text);

    public static async Task<Outcome<ComplaintResource>> Handle(Guid orderId, Input input, CurrentUser user, AppDbContext db,
        ServiceOptions options, TimeProvider clock, CancellationToken ct)
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
        return await GetComplaint.Handle(c.Id, user.Scope, db, clock, ct);
    }
}
