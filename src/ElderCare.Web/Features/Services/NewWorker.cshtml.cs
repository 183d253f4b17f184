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
public sealed class NewWorkerModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options, TimeProvider clock)
    : OutcomePageModel
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
        var (lat, lng) = WorkerChoices.Base(BaseLatitude, BaseLongitude, errors);
        List<CertificateResource> certificates = [];
        if (FormValues.Trimmed(CertificateQualification) is { } cq)
        {
            if (expires is null) errors.Add("certificateExpires", "请填写证书有效期。");
            else certificates.Add(new CertificateResource(cq, FormValues.Trimmed(CertificateNumber), expires.Value));
        }
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else
        {
            var input = new RegisterWorker.Input(provider, Name, Phone, kind, Qualifications, certificates, RegionCodes, null, lat, lng,
                FormValues.Trimmed(UserName));
            var outcome = await RegisterWorker.Handle(input, user.Scope, db, protector, options, clock, ct);
            if (Show(outcome, Registered) is { } done) return done;
        }
        await Load(ct);
        return Page();
    }

    private RedirectResult Registered(WorkerResource w)
    {
        TempData["Flash"] = $"已登记服务人员 {w.Name}。";
        return Redirect("/workers");
    }

    private async Task Load(CancellationToken ct) => (Providers, Regions) = await WorkerChoices.LoadAsync(user.Scope, db, ct);
}
