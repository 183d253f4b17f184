using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Account;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Users;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ManageWorkers)]
public sealed class NewWorkerModel(AppDbContext db, CurrentUser user, FieldProtector protector, ServiceOptions options, TimeProvider clock,
    UserManager<AppUser> users, AuditLog audit) : OutcomePageModel
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

    /// <summary>Working hours (WorkingHours): the weekdays worked, 1 = Monday … 7 = Sunday, and the daily from–to.</summary>
    [BindProperty(Name = "workDays")] public List<string> WorkDays { get; set; } = [];
    [BindProperty(Name = "workFrom")] public string? WorkFrom { get; set; }
    [BindProperty(Name = "workTo")] public string? WorkTo { get; set; }

    /// <summary>
    /// A new caregiver account made with the worker (RegisterUser, role 护理员), so the order of setting up does not matter;
    /// only for a user who may manage users. The password is a first one: it must be changed at the first sign-in.
    /// </summary>
    [BindProperty(Name = "newUserName")] public string? NewUserName { get; set; }
    [BindProperty(Name = "newPassword")] public string? NewPassword { get; set; }

    public bool CanCreateUser => Roles.Allows(User, Roles.Policies.ManageUsers);

    public IReadOnlyList<ProviderResource> Providers { get; private set; } = [];
    public IReadOnlyList<RegionResource> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The default week of ServiceOptions, as a worker registered without slots gets.
        WorkDays = WorkingHours.Weekdays.Select(d => d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        WorkFrom = $"{options.DefaultWorkdayStartHour:00}:00";
        WorkTo = options.DefaultWorkdayEndHour == 24 ? "24:00" : $"{options.DefaultWorkdayEndHour:00}:00";
        await Load(ct);
    }

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
        var slots = WorkingHours.Slots(WorkDays, WorkFrom, WorkTo, errors);
        var newUser = FormValues.Trimmed(NewUserName);
        if (newUser is not null && !CanCreateUser) return Forbid();
        errors.AddIf(newUser is not null && FormValues.Trimmed(UserName) is not null, "newUserName", "已填写关联的已有账号，不能再新建账号。");
        if (errors.Any) ModelState.AddFieldErrors(errors);
        else
        {
            var input = new RegisterWorker.Input(provider, Name, Phone, kind, Qualifications, certificates, RegionCodes, slots, lat, lng,
                newUser ?? FormValues.Trimmed(UserName));
            if (newUser is not null) await CreateCaregiver(input with { UserName = null }, newUser, ct);
            if (ModelState.IsValid && Show(await RegisterWorker.Handle(input, user.Scope, db, protector, options, clock, ct), Registered)
                is { } done) return done;
        }
        await Load(ct);
        return Page();
    }

    /// <summary>
    /// Checks the worker's fields first (nothing is created when one is wrong), then creates the caregiver account; its
    /// refusals show beside the new account's fields (the model state is then invalid).
    /// </summary>
    private async Task CreateCaregiver(RegisterWorker.Input worker, string userName, CancellationToken ct)
    {
        var (errors, _) = await RegisterWorker.Check(worker, user.Scope, db, null, ct);
        if (errors.Any)
        {
            ModelState.AddFieldErrors(errors);
            return;
        }
        var account = new RegisterUser.Input(userName, worker.Name, EnumText.Of(Role.Caregiver), null, null, false, null, NewPassword);
        var created = await RegisterUser.Handle(account, db, users, protector, clock, audit, user, ct);
        if (created.IsOk) return;
        var renamed = new FieldErrors();
        foreach (var (field, messages) in created.Errors?.Entries ?? [])
            foreach (var m in messages) renamed.Add(field == "password" ? "newPassword" : "newUserName", m);
        if (created.Errors is null) renamed.Add("newUserName", created.Message ?? "账号未能创建。");
        ModelState.AddFieldErrors(renamed);
    }

    private RedirectResult Registered(WorkerResource w)
    {
        return RedirectWithFlash("/workers", $"已登记服务人员 {w.Name}。");
    }

    private async Task Load(CancellationToken ct) => (Providers, Regions) = await WorkerChoices.LoadAsync(user.Scope, db, ct);
}
