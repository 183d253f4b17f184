using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class WorkerListModel(AppDbContext db, CurrentUser user, FieldProtector protector, TimeProvider clock, AuditLog audit) : PageModel
{
    private ListWorkerRoster.Roster _roster = null!;

    [BindProperty(SupportsGet = true, Name = "name")] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Dir { get; set; }

    public Paged<WorkerResource> Result => _roster.Workers;
    public DateOnly Today { get; private set; }

    /// <summary>Sort headers, paging and the export link, all keeping the filters (Shared/Sorting.cs).</summary>
    public ListLinks Links => new("/workers", new Dictionary<string, string?> { ["name"] = Name },
        ListWorkers.Sorting.Resolve(Sort, Dir), ListWorkers.Sorting.Default);

    public string ProviderName(Guid id) => _roster.ProviderNames.GetValueOrDefault(id, Display.Unknown);

    public string RegionName(string code) => _roster.RegionNames.GetValueOrDefault(code, code);

    private ListWorkers.Query Query() =>
        new() { Name = FormValues.Trimmed(Name), Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize, Sort = Sort, Dir = Dir };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        var outcome = await ListWorkerRoster.Handle(Query(), user.Scope, db, protector, ct);
        if (!outcome.IsOk)
        {
            ModelState.AddFieldErrors(outcome.Errors!);
            outcome = await ListWorkerRoster.Handle(Query() with { Name = null, Page = 1 }, user.Scope, db, protector, ct);
        }
        _roster = outcome.Value!;
    }

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var outcome = await ExportWorkers.Handle(Query(), user, reports, protector, audit, clock, ct);
        if (outcome is { IsOk: true, Value: { } file }) return File(file.Content, file.ContentType, file.FileName);
        ModelState.AddFieldErrors(outcome.Errors!);
        await OnGetAsync(ct);
        return Page();
    }

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total, Links.Page);
}
