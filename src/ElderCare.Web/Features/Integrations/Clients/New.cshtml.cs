using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Features.Users;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Integrations.Clients;

/// <summary>A new integration account; its first secret is shown once on the account's page (ADR 29).</summary>
[Authorize(Policy = Roles.Policies.ManageIntegrations)]
public sealed class NewApiClientModel(AppDbContext db, IntegrationOptions options, TimeProvider clock, AuditLog audit, CurrentUser actor)
    : OutcomePageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "role")] public string? Role { get; set; }
    [BindProperty(Name = "regionCode")] public string? RegionCode { get; set; }
    [BindProperty(Name = "facilityIds")] public List<string> FacilityIds { get; set; } = [];
    [BindProperty(Name = "expiresOn")] public string? ExpiresOn { get; set; }
    [BindProperty(Name = "requestsPerMinute")] public string? RequestsPerMinute { get; set; }

    public UserChoices Choices { get; private set; } = null!;
    public int DefaultLimit => options.RequestsPerMinute;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ExpiresOn = FormValues.Text(clock.Today().AddYears(1));
        Choices = await UserChoices.LoadAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var facilities = FacilityIds.Select(f => FormValues.Id(f, "facilityIds", errors)).OfType<Guid>().ToList();
        var input = new RegisterApiClient.Input(Name, Role, FormValues.Trimmed(RegionCode), facilities,
            FormValues.Date(ExpiresOn, "expiresOn", errors), FormValues.Int(RequestsPerMinute, "requestsPerMinute", errors));
        if (!errors.Any)
        {
            var outcome = await RegisterApiClient.Handle(input, db, options, clock, audit, actor, ct);
            if (outcome.IsOk)
            {
                var created = outcome.Value!;
                ClientOneTime.Show(TempData, created.SecretId, created.Secret);
                return RedirectWithFlash($"/integrations/clients/{created.Client.Id}", $"已新建接口账户 {created.Client.Name}。");
            }
            outcome.Errors?.MergeInto(errors);
            if (outcome.Kind == OutcomeKind.Conflict) errors.Add("name", outcome.Message!);
        }
        ModelState.AddFieldErrors(errors);
        Choices = await UserChoices.LoadAsync(db, ct);
        return Page();
    }
}

/// <summary>A new secret, kept for the one page that shows it (TempData is read once).</summary>
public static class ClientOneTime
{
    public const string SecretKey = "ClientSecret";
    public const string SecretIdKey = "ClientSecretId";

    public static void Show(Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData, Guid secretId, string secret)
    {
        tempData[SecretKey] = secret;
        tempData[SecretIdKey] = secretId.ToString();
    }
}
