using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.EditCatalogue)]
public sealed class EditServiceItemModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
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

    public ServiceItemResource? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFoundPage();
        var i = Item!;
        (Name, Unit, StandardMinutes, PriceFen, RequiredQualification, MonthlyAllowanceFen, EffectiveFrom) =
            (i.Name, i.Unit, FormValues.Text(i.StandardMinutes), i.PriceFen.ToString(System.Globalization.CultureInfo.InvariantCulture), i.RequiredQualification,
                i.MonthlyAllowanceFen.ToString(System.Globalization.CultureInfo.InvariantCulture), FormValues.Text(i.EffectiveFrom));
        SubsidizedGroups = i.SubsidizedGroups.Select(EnumText.Of).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFoundPage();
        var errors = new FieldErrors();
        var groups = new List<PriorityGroup>();
        foreach (var g in SubsidizedGroups)
            if (FormValues.Choice<PriorityGroup>(g, "subsidizedGroups", errors) is { } pg) groups.Add(pg);
        var input = new UpdateServiceItem.Input(Name, Unit, FormValues.Int(StandardMinutes, "standardMinutes", errors), Long(PriceFen, "priceFen", errors),
            RequiredQualification ?? "", groups, Long(MonthlyAllowanceFen, "monthlyAllowanceFen", errors), FormValues.Date(EffectiveFrom, "effectiveFrom", errors),
            FormValues.Int(Version, "version", errors));
        if (!errors.Any)
        {
            var outcome = await UpdateServiceItem.Handle(id, input, user, db, clock, ct);
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"已保存“{outcome.Value!.Name}”。";
                return Redirect("/service-items");
            }
            outcome.Errors?.MergeInto(errors);
            if (outcome.Kind == OutcomeKind.Conflict) errors.Add("effectiveFrom", outcome.Message!);
        }
        ModelState.AddFieldErrors(errors);
        return Page();
    }

    private static long? Long(string? text, string field, FieldErrors errors)
    {
        if (FormValues.Trimmed(text) is not { } t) return null;
        if (long.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, "请填写整数（分），例如 6000 表示 60 元。");
        return null;
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        Item = await db.ServiceItems.AsNoTracking().Where(i => i.Id == id).Select(i => ServiceItemResource.From(i)).FirstOrDefaultAsync(ct);
        return Item is not null;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
