using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>The district confirms a stored report form as its own (ADR 0023): the 待确认 mark goes, the basis is kept.</summary>
public static class ConfirmReportForm
{
    public sealed record Input(string? Source);

    public static Task<Outcome<ReportFormResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        Placeholders.Confirm(input.Source, user, clock, db, () => db.ReportForms.FirstOrDefaultAsync(f => f.Id == id, ct),
            "找不到该季报表样（首次生成季报时保存默认表样）。", "该季报表样",
            f => new ReportFormResource(f.Id, f.Year, f.Name, f.Confirmed, f.Source, f.Indicators), ct);
}
