using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Reports;

/// <summary>The quarter's bulletin (通报) for the leading group, print-ready, with the .docx and .xlsx downloads.</summary>
[Authorize(Policy = Roles.Policies.ReadBulletins)]
public sealed class BulletinModel(AppDbContext db, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "quarter")] public string? Quarter { get; set; }

    public BulletinResource? Bulletin { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Quarter ??= ElderCare.Web.Features.Reports.Quarter.LastEnded(clock.Today()).Code;
        var outcome = await GetBulletin.Handle(Quarter, db, ct);
        if (outcome.IsOk) Bulletin = outcome.Value;
        else ModelState.AddFieldErrors(outcome.Errors!);
        return Page();
    }

    /// <summary>The chart's geometry: one bar per target, 0–100 % over <see cref="ChartWidth"/> pixels.</summary>
    public const int ChartWidth = 400, ChartLabel = 200, ChartRow = 28;

    public static int BarPixels(decimal? ratio) => ratio is { } r ? (int)Math.Round(Math.Clamp(r, 0, 1) * ChartWidth) : 0;
}
