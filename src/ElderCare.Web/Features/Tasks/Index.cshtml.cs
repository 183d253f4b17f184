using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Tasks;

/// <summary>The task list (任务书, 三(一)) with filters, paging, the Excel export and (district) the generation from gaps.</summary>
[Authorize(Policy = Roles.Policies.ReadTasks)]
public sealed class TaskListModel(AppDbContext db, CurrentUser user, TaskOptions options, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "overdue")] public string? Overdue { get; set; }

    public Paged<TaskResource> Result { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);
    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ManageTasks)) return Forbid();
        var counts = await RaiseGapTasks.Handle(user.UserName ?? "", db, options, clock, ct);
        return RedirectWithFlash("/tasks",
            $"已按 {counts.Gaps} 项差距生成任务：新增 {counts.Added} 项，重新打开 {counts.Reopened} 项，自动关闭 {counts.Closed} 项。");
    }

    public string Query => QueryString.Create(new Dictionary<string, string?>
    {
        ["regionCode"] = RegionCode, ["status"] = Status, ["kind"] = Kind, ["overdue"] = Overdue,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    public Pager ListPager() => new(Result.Page, Result.PageCount, Result.Total,
        page => $"/tasks{Query}{(Query.Length == 0 ? "?" : "&")}page={page}");

    private async Task Load(CancellationToken ct)
    {
        RegionChoices = RegionChoice.Of(await ListRegions.Handle(null, user.Scope, db, ct));
        var query = new ListTasks.Query { RegionCode = RegionCode, Status = Status, Kind = Kind, Overdue = Overdue == "true" ? true : null,
            Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize };
        var outcome = await ListTasks.Handle(query, user.Scope, db, clock, ct);
        if (outcome.IsOk) Result = outcome.Value!;
        else ModelState.AddFieldErrors(outcome.Errors!);
    }
}
