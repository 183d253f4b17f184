using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Tasks;

/// <summary>The district gives a unit a task (三(一): 任务书和责任人).</summary>
[Authorize(Policy = Roles.Policies.ManageTasks)]
public sealed class NewTaskModel(AppDbContext db, CurrentUser user, TimeProvider clock) : TaskFormModel
{
    [BindProperty(Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(Name = "facilityId")] public string? FacilityId { get; set; }

    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Facilities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = new RegisterTask.Input(RegionCode, string.IsNullOrWhiteSpace(FacilityId) ? null : FormValues.Id(FacilityId, "facilityId", errors),
            Title, FormValues.Choice<DutyTaskKind>(Kind, "kind", errors), Description, ResponsibleName, ResponsiblePhone, ResponsiblePost,
            FormValues.Date(DueOn, "dueOn", errors));
        if (!errors.Any)
        {
            var outcome = await RegisterTask.Handle(input, user, db, clock, ct);
            if (outcome.IsOk)
            {
                return RedirectWithFlash($"/tasks/{outcome.Value!.Id}", $"已下达任务“{outcome.Value.Title}”。");
            }
            outcome.Errors?.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        RegionChoices = RegionChoice.Of(await ListRegions.Handle(null, user.Scope, db, ct));
        Facilities = await TaskChoices.Facilities(user.Scope, db, ct);
    }
}
