using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ManageWorkers)]
public sealed class NewWorkerModel(AppDbContext db, CurrentUser user, FieldProtector protector, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "providerId")] public string? ProviderId { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "phone")] public string? Phone { get; set; }
    [BindProperty(Name = "kind")] public string? Kind { get; set; }
    [BindProperty(Name = "qualifications")] public List<string> Qualifications { get; set; } = [];
    [BindProperty(Name = "certificateQualification")] public string? CertificateQualification { get; set; }
    [BindProperty(Name = "certificateNumber")] public string? CertificateNumber { get; set; }
    [BindProperty(Name = "certificateExpires")] public string? CertificateExpires { get; set; }
    [BindProperty(Name = "regionCodes")] public List<string> RegionCodes { get; set; } = [];
    [BindProperty(Name = "baseLatitude")] public string? BaseLatitude { get; set; }
    [BindProperty(Name = "baseLongitude")] public string? BaseLongitude { get; set; }
    [BindProperty(Name = "userName")] public string? UserName { get; set; }

    public IReadOnlyList<ProviderResource> Providers { get; private set; } = [];
    public IReadOnlyList<RegionResource> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var provider = FormValues.Id(ProviderId, "providerId", errors);
        var kind = FormValues.Choice<WorkerKind>(Kind, "kind", errors);
        var expires = FormValues.Date(CertificateExpires, "certificateExpires", errors);
        var lat = FormValues.Double(BaseLatitude, "baseLatitude", errors, "29.4048");
        var lng = FormValues.Double(BaseLongitude, "baseLatitude", errors, "105.5942");
        List<CertificateResource> certificates = [];
        if (FormValues.Trimmed(CertificateQualification) is { } cq)
        {
            if (expires is null) errors.Add("certificateExpires", "请填写证书有效期。");
            else certificates.Add(new CertificateResource(cq, FormValues.Trimmed(CertificateNumber), expires.Value));
        }
        if (!errors.Any)
        {
            var outcome = await AddWorker.Handle(new AddWorker.Input(provider, Name, Phone, kind, Qualifications, certificates, RegionCodes, null, lat, lng,
                FormValues.Trimmed(UserName)), user.Scope, db, protector, clock, ct);
            if (outcome.IsOk)
            {
                TempData["Flash"] = $"已登记服务人员 {outcome.Value!.Name}。";
                return Redirect("/workers");
            }
            outcome.Errors?.MergeInto(errors);
        }
        ModelState.AddFieldErrors(errors);
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Providers = await AddProvider.List(user.Scope, db, ct);
        Regions = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => r.Kind != RegionKind.District || user.Scope.Kind == ScopeKind.District).ToList();
    }
}
