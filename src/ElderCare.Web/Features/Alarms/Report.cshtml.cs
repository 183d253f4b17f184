using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Alarms;

[Authorize(Policy = Roles.Policies.ReadAlarmReports)]
public sealed class AlarmReportModel(AppDbContext db, CurrentUser user, AlarmOptions options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public AlarmReportResource? Report { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The on-site target the lead names (<see cref="AlarmOptions.OnSiteMinutes"/>).</summary>
    public int OnSiteMinutes => options.OnSiteMinutes;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await AlarmReport.Handle(From, To, user.Scope, db, options, clock, ct);
        Report = outcome.Value;
        Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]>();
    }
}
