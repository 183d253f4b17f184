using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Reports;

/// <summary>The district returns a submitted report to the town with a reason; it is a draft again, to correct and resubmit.</summary>
public static class ReturnReport
{
    public sealed record Input(string? Reason);

    public static async Task<Outcome<ReportResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Text(input.Reason, "reason", "退回理由", FreeText.Reason, multiLine: true);
        if (!errors.Any && string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "请填写退回理由。");
        var r = await ReportQueries.FindAsync(id, user.Scope, db, ct);
        if (r is null) return Outcome<ReportResource>.NotFound(ReportQueries.NotFound);
        if (ReportCycle.CanReturn(r.Status) is { } refused) return Outcome<ReportResource>.Conflict(refused);
        if (errors.Any) return Outcome<ReportResource>.Invalid(errors);
        r.ReturnReason = reason!.Trim();
        ReportQueries.Step(r, "return", ReportStatus.Draft, user, clock.UtcNow(), r.ReturnReason);
        return await ReportQueries.SaveAsync(r, user.Scope, db, clock, ct);
    }
}
