using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Reports;

/// <summary>The report forms by year; before any is stored, the default (待确认) that the first generation stores.</summary>
public static class ListReportForms
{
    public static async Task<IReadOnlyList<ReportFormResource>> Handle(AppDbContext db, CancellationToken ct)
    {
        var forms = await db.ReportForms.AsNoTracking().OrderByDescending(f => f.Year).ToListAsync(ct);
        if (forms.Count == 0) forms.Add(ReportFormDefaults.Form());
        return forms.Select(f => new ReportFormResource(f.Id, f.Year, f.Name, f.Confirmed, f.Source, f.Indicators)).ToList();
    }
}
