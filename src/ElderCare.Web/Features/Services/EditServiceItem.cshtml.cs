using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.EditCatalogue)]
public sealed class EditServiceItemModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "unit")] public string? Unit { get; set; }
    [BindProperty(Name = "standardMinutes")] public string? StandardMinutes { get; set; }
    [BindProperty(Name = "priceFen")] public string? PriceFen { get; set; }
    [BindProperty(Name = "requiredQualification")] public string? RequiredQualification { get; set; }
    [BindProperty(Name = "subsidizedGroups")] public List<string> SubsidizedGroups { get; set; } = [];
    [BindProperty(Name = "monthlyAllowanceFen")] public string? MonthlyAllowanceFen { get; set; }
    [BindProperty(Name = "effectiveFrom")] public string? EffectiveFrom { get; set; }
    [BindProperty(Name = "version")] public string? Version { get; set; }

    public ServiceItemResource Item { get; private set; } = null!;

    /// <summary>The item's checklist (操作步骤), one step per line, as the second form shows and posts it.</summary>
    public string? Steps { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var list = await GetChecklist.Handle(id, db, ct);
        Steps = list.IsOk ? string.Join("\n", list.Value!.Steps) : null;
        var outcome = await GetServiceItem.Handle(id, db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        var i = Item = outcome.Value!;
        (Name, Unit, StandardMinutes, RequiredQualification, EffectiveFrom) =
            (i.Name, i.Unit, FormValues.Text(i.StandardMinutes), i.RequiredQualification, FormValues.Text(i.EffectiveFrom));
        PriceFen = i.PriceFen.ToString(CultureInfo.InvariantCulture);
        MonthlyAllowanceFen = i.MonthlyAllowanceFen.ToString(CultureInfo.InvariantCulture);
        SubsidizedGroups = i.SubsidizedGroups.Select(EnumText.Of).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var current = await GetServiceItem.Handle(id, db, ct);
        if (!current.IsOk) return Missing(current.Message);
        Item = current.Value!;
        Steps = string.Join("\n", await GetChecklist.Steps(Item.Code, db, ct));
        var errors = new FieldErrors();
        var groups = new List<PriorityGroup>();
        foreach (var g in SubsidizedGroups)
            if (FormValues.Choice<PriorityGroup>(g, "subsidizedGroups", errors) is { } pg) groups.Add(pg);
        var input = new UpdateServiceItem.Input(Name, Unit, FormValues.Int(StandardMinutes, "standardMinutes", errors),
            Long(PriceFen, "priceFen", errors), RequiredQualification ?? "", groups, Long(MonthlyAllowanceFen, "monthlyAllowanceFen", errors),
            FormValues.Date(EffectiveFrom, "effectiveFrom", errors), FormValues.Int(Version, "version", errors));
        if (errors.Any)
        {
            ModelState.AddFieldErrors(errors);
            return Page();
        }
        var outcome = await UpdateServiceItem.Handle(id, input, user, db, clock, ct);
        if (Show(outcome, Saved) is { } done) return done;
        // A stale version or a later version already there: said beside the effective date, where the choice is made.
        if (ConflictMessage is { } conflict) ModelState.AddModelError("effectiveFrom", conflict);
        return Page();
    }

    /// <summary>The checklist form: one step per line (SaveChecklist; the same as PUT /api/service-items/{id}/checklist).</summary>
    public async Task<IActionResult> OnPostChecklistAsync(Guid id, string? steps, CancellationToken ct)
    {
        var lines = (steps ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var outcome = await SaveChecklist.Handle(id, new SaveChecklist.Input(lines), user, db, clock, ct);
        if (outcome.IsOk)
        {
            return RedirectWithFlash($"/service-items/{id}/edit",
                outcome.Value!.Steps.Count == 0 ? "已取消该服务项目的操作步骤。" : $"已保存 {outcome.Value.Steps.Count} 条操作步骤。");
        }
        if (outcome.Kind == OutcomeKind.NotFound) return Missing(outcome.Message);
        var shown = await OnGetAsync(id, ct);
        Steps = steps;
        ModelState.AddFieldErrors(new FieldErrors().Add("steps", string.Join(" ", outcome.Errors!.Entries.SelectMany(e => e.Value))));
        return shown;
    }

    private RedirectResult Saved(ServiceItemResource item)
    {
        return RedirectWithFlash("/service-items", $"已保存“{item.Name}”。");
    }

    private static long? Long(string? text, string field, FieldErrors errors)
    {
        if (FormValues.Trimmed(text) is not { } t) return null;
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, "请填写整数（分），例如 6000 表示 60 元。");
        return null;
    }
}
