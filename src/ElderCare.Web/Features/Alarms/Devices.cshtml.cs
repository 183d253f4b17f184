using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Alarms;

/// <summary>Devices in scope, offline ones first when asked; registering one shows its key once.</summary>
[Authorize(Policy = Roles.Policies.ManageDevices)]
public sealed class DevicesModel(AppDbContext db, CurrentUser user, FieldProtector protector, AlarmOptions options, TimeProvider clock,
    Audit.AuditLog audit) : PageModel
{
    public Paged<DeviceRow> Devices { get; private set; } = new([], 1, 20, 0);

    [BindProperty(SupportsGet = true)] public bool Offline { get; set; }
    /// <summary>The list's filters, from the address only (the registration form posts a kind and a serial of its own).</summary>
    public string? Serial => Request.Query["serial"].FirstOrDefault();
    public string? Kind => Request.Query["kind"].FirstOrDefault();
    public string? Sort => Request.Query["sort"].FirstOrDefault();
    public string? Dir => Request.Query["dir"].FirstOrDefault();

    /// <summary>Sort headers, paging and the export link, all keeping the filters (Shared/Sorting.cs).</summary>
    public ListLinks Links => new("/devices", new Dictionary<string, string?>
    {
        ["serial"] = Serial, ["kind"] = Kind, ["offline"] = Offline ? "true" : null,
    }, ListDevices.Sorting.Resolve(Sort, Dir), ListDevices.Sorting.Default);

    /// <summary>The elder search (name or ID number): the device is registered to an elder picked from its results.</summary>
    [BindProperty] public string? Q { get; set; }

    public ElderPicker.Found Found { get; private set; } = new([], 0, null);

    public string? NewKey { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>The export reads from the reports replica when there is one (ADR 32); the list itself reads the primary.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromKeyedServices(ReadReplica.Key)] AppDbContext reports, CancellationToken ct)
    {
        var outcome = await ExportDevices.Handle(Query() with { Page = null, PageSize = null }, user, reports, options, audit, clock, ct);
        if (outcome is { IsOk: true, Value: { } file }) return File(file.Content, file.ContentType, file.FileName);
        Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { ["export"] = [outcome.Message ?? "导出失败"] };
        await Load(ct);
        return Page();
    }

    private ListDevices.Query Query() =>
        new()
        {
            Offline = Offline ? true : null, Kind = Kind, Page = Paging.PageNumber(Request), PageSize = 50, Serial = Serial, Sort = Sort,
            Dir = Dir,
        };

    /// <summary>The elder search, posted (name or ID number stays out of the URL).</summary>
    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        HttpContext.Items[Audit.AuditWrites.SkipKey] = true; // a read
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? elderId, DeviceKind? kind, string? serial, CancellationToken ct)
    {
        var outcome = await RegisterDevice.Handle(new RegisterDevice.Input(elderId, kind, serial), user, db, clock, ct);
        if (outcome.IsOk)
        {
            NewKey = outcome.Value!.Key;
            Q = null;
        }
        else
        {
            HttpContext.Items[Audit.AuditWrites.RefusedKey] = true;
            Errors = outcome.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { ["serial"] = [outcome.Message ?? "登记失败"] };
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Q = Q?.Trim();
        if (!string.IsNullOrEmpty(Q)) Found = await ElderPicker.Find(Q, user.Scope, db, protector, clock, ct);
        else Q = null;
        var outcome = await ListDevices.Handle(Query(), user.Scope, db, options, clock, ct);
        if (outcome.Errors is { } errors) Errors = errors.ToDictionary();
        Devices = outcome.Value ?? new([], 1, 50, 0);
    }

    public Pager DevicePager() => new(Devices.Page, Devices.PageCount, Devices.Total, Links.Page);
}
