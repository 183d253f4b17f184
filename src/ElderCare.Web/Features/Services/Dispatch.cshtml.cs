using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

/// <summary>批量派单: the day's unassigned orders with their top suggestion; the checked ones are assigned, each on its own.</summary>
[Authorize(Policy = Roles.Policies.WriteOrders)]
public sealed class DispatchDayModel(AppDbContext db, CurrentUser user, TimeProvider clock, AuditLog audit) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "date")] public string? Date { get; set; }

    public DateOnly Day { get; private set; }
    public IReadOnlyList<DayDispatchRow> Rows { get; private set; } = [];
    public IReadOnlyList<BatchAssignResult> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>Each pick is "orderId:workerId", as the checkbox of a row carries its suggestion.</summary>
    public async Task<IActionResult> OnPostAsync(List<string>? picks, CancellationToken ct)
    {
        var chosen = new List<(Guid, Guid)>();
        foreach (var p in picks ?? [])
            if (p.Split(':') is [var o, var w] && Guid.TryParse(o, out var order) && Guid.TryParse(w, out var worker)) chosen.Add((order, worker));
        if (chosen.Count == 0) ModelState.AddModelError("picks", "请勾选要派单的工单。");
        else Results = await AssignOrders.Handle(chosen, user, db, clock, audit, ct);
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var errors = new FieldErrors();
        Day = clock.DateOrToday(Date, "date", errors);
        if (errors.Any) ModelState.AddFieldErrors(errors);
        Date = FormValues.Text(Day);
        Rows = await ListDayDispatch.Handle(Day, user.Scope, db, clock, ct);
    }
}
