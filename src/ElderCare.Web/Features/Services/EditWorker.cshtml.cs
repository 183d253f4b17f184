using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

/// <summary>Edits a worker through <see cref="UpdateWorker"/>: certificates and weekly slots as rows (existing ones plus blank ones).</summary>
[Authorize(Policy = Roles.Policies.ManageWorkers)]
public sealed class EditWorkerModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options) : OutcomePageModel
{
    public const int BlankCertificates = 1, BlankSlots = 3;

    public sealed class CertificateRow
    {
        public string? Qualification { get; set; }
        public string? Number { get; set; }
        public string? Expires { get; set; }
    }

    public sealed class SlotRow
    {
        public string? Day { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty(Name = "providerId")] public string? ProviderId { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "phone")] public string? Phone { get; set; }
    [BindProperty(Name = "kind")] public string? Kind { get; set; }
    [BindProperty(Name = "active")] public bool Active { get; set; }
    [BindProperty(Name = "qualifications")] public List<string> Qualifications { get; set; } = [];
    [BindProperty(Name = "certificates")] public List<CertificateRow> Certificates { get; set; } = [];
    [BindProperty(Name = "availability")] public List<SlotRow> Availability { get; set; } = [];
    [BindProperty(Name = "regionCodes")] public List<string> RegionCodes { get; set; } = [];
    [BindProperty(Name = "baseLatitude")] public string? BaseLatitude { get; set; }
    [BindProperty(Name = "baseLongitude")] public string? BaseLongitude { get; set; }
    [BindProperty(Name = "userName")] public string? UserName { get; set; }

    public string? MaskedPhone { get; private set; }
    public IReadOnlyList<ProviderResource> Providers { get; private set; } = [];
    public IReadOnlyList<RegionResource> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await GetWorker.Handle(Id, user.Scope, db, protector, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        var w = outcome.Value!.Worker;
        ProviderId = w.ProviderId.ToString();
        Name = w.Name;
        Kind = EnumText.Of(w.Kind);
        Active = w.Active;
        Qualifications = [.. w.Qualifications];
        Certificates = w.Certificates.Select(c => new CertificateRow
        {
            Qualification = c.Qualification, Number = c.Number, Expires = c.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).ToList();
        Availability = w.Availability.Select(s => new SlotRow
        {
            Day = s.Day.ToString(CultureInfo.InvariantCulture), From = s.From, To = s.To,
        }).ToList();
        RegionCodes = [.. w.RegionCodes];
        BaseLatitude = w.BaseLatitude?.ToString(CultureInfo.InvariantCulture);
        BaseLongitude = w.BaseLongitude?.ToString(CultureInfo.InvariantCulture);
        UserName = outcome.Value.UserName;
        await Load(w.Phone, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await GetWorker.Handle(Id, user.Scope, db, protector, ct);
        if (!current.IsOk) return Missing(current.Message);
        var errors = new FieldErrors();
        var provider = FormValues.Id(ProviderId, "providerId", errors);
        var kind = FormValues.Choice<WorkerKind>(Kind, "kind", errors);
        var (lat, lng) = WorkerChoices.Base(BaseLatitude, BaseLongitude, errors);
        var certificates = new List<CertificateResource>();
        foreach (var row in Certificates)
        {
            if (FormValues.Trimmed(row.Qualification) is not { } q) continue;
            var expires = FormValues.Date(row.Expires, $"certificates[{certificates.Count}].expiresOn", errors);
            if (FormValues.Trimmed(row.Expires) is null) errors.Add($"certificates[{certificates.Count}].expiresOn", "请填写证书有效期。");
            certificates.Add(new CertificateResource(q, FormValues.Trimmed(row.Number), expires ?? default));
        }
        var slots = Availability.Where(s => FormValues.Trimmed(s.Day) is not null)
            .Select(s => new SlotResource(int.TryParse(s.Day, out var d) ? d : 0, s.From ?? "", s.To ?? "")).ToList();
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else
        {
            var input = new UpdateWorker.Input(provider, Name, Phone, kind, Qualifications, certificates, RegionCodes, slots,
                lat, lng, FormValues.Trimmed(UserName), Active);
            var outcome = await UpdateWorker.Handle(Id, input, user.Scope, db, protector, options, ct);
            if (Show(outcome, Saved) is { } done) return done;
        }
        await Load(current.Value!.Worker.Phone, ct);
        return Page();
    }

    private RedirectResult Saved(WorkerResource w)
    {
        return RedirectWithFlash("/workers", $"已保存服务人员 {w.Name}。");
    }

    private async Task Load(string? maskedPhone, CancellationToken ct)
    {
        MaskedPhone = maskedPhone;
        while (Certificates.Count(c => FormValues.Trimmed(c.Qualification) is null) < BlankCertificates) Certificates.Add(new CertificateRow());
        while (Availability.Count(s => FormValues.Trimmed(s.Day) is null) < BlankSlots) Availability.Add(new SlotRow());
        (Providers, Regions) = await WorkerChoices.LoadAsync(user.Scope, db, ct);
    }
}
