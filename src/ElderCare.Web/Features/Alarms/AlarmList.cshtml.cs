using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Alarms;

/// <summary>报警记录: every alarm in scope with filters in the URL, sortable columns and the Excel export (ADR 30).</summary>
[Authorize(Policy = Roles.Policies.HandleAlarms)]
public sealed class AlarmListModel(AppDbContext db, CurrentUser user, AuditLog audit, TimeProvider clock)
    : ListPageModel<AlarmRow>
{
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }

    public override ListLinks Links => new("/alarms/list", new Dictionary<string, string?>
    {
        ["status"] = Status, ["kind"] = Kind, ["from"] = From, ["to"] = To,
    }, ListAlarms.Sorting.Resolve(Sort, Dir), ListAlarms.Sorting.Default);

    private (ListAlarms.Query Query, FieldErrors Errors) Query()
    {
        var errors = new FieldErrors();
        var from = FormValues.Date(From, "from", errors);
        var to = FormValues.Date(To, "to", errors);
        return (new ListAlarms.Query { Status = FormValues.Trimmed(Status), Page = Paging.PageNumber(Request),
            PageSize = PageRequest.DefaultPageSize, Kind = FormValues.Trimmed(Kind), From = from, To = to, Sort = Sort, Dir = Dir }, errors);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (query, errors) = Query();
        await ShowAsync(errors.Any ? null : await ListAlarmHistory.Handle(query, user.Scope, db, ct), errors, () => ListAlarmHistory.Handle(
            new ListAlarms.Query { Page = 1, PageSize = PageRequest.DefaultPageSize, Sort = Sort, Dir = Dir }, user.Scope, db, ct));
    }

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var (query, errors) = Query();
        return await FileOrListAsync(errors.Any ? null : await ExportAlarms.Handle(query, user, reports, audit, clock, ct), errors,
            () => OnGetAsync(ct));
    }
}
