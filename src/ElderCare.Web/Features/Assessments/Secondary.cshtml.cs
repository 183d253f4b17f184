using System.Globalization;
using System.Security.Claims;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Assessments;

/// <summary>录入 Barthel 指数 or 特困人员生活自理能力: one short form each, over RecordSecondaryAssessment.</summary>
[Authorize(Policy = Roles.Policies.AssessElders)]
public sealed class SecondaryAssessmentModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user) : OutcomePageModel
{
    [BindProperty(Name = "assessedOn")] public string? AssessedOn { get; set; }
    [BindProperty(Name = "assessor")] public string? Assessor { get; set; }
    [BindProperty(Name = "notAchieved")] public List<string> NotAchieved { get; set; } = [];

    /// <summary>Barthel item code → the score as sent.</summary>
    public Dictionary<string, string> Items { get; } = new(StringComparer.Ordinal);

    public SecondaryInstrument Instrument { get; private set; }
    public ElderResource? Elder { get; private set; }
    public string Today { get; private set; } = "";

    public string Title => Instrument == SecondaryInstrument.Barthel ? "Barthel 指数评定" : "特困人员生活自理能力认定";

    public async Task<IActionResult> OnGetAsync(Guid id, string instrument, CancellationToken ct)
    {
        if (!await LoadAsync(id, instrument, ct)) return Missing(NoPage);
        AssessedOn = Today;
        Assessor = User.FindFirstValue(ClaimTypes.GivenName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string instrument, CancellationToken ct)
    {
        if (!await LoadAsync(id, instrument, ct)) return Missing(NoPage);
        var errors = new FieldErrors();
        var on = FormValues.Date(AssessedOn, "assessedOn", errors);
        var outcome = Instrument == SecondaryInstrument.Barthel
            ? await RecordBarthel.Handle(id, new BarthelInput(on, Assessor, ReadBarthel(errors)), user, db, protector, clock, ct)
            : await RecordSelfCare.Handle(id, new SelfCareInput(on, Assessor, ReadIndicators(errors)), user, db, protector, clock, ct);
        // What the page could not read is shown with the use case's own errors, even beside an Ok (the rest was saved).
        if (errors.Any && outcome.Kind is OutcomeKind.Ok or OutcomeKind.Invalid)
        {
            outcome.Errors?.MergeInto(errors);
            outcome = Outcome<SecondaryAssessmentResult>.Invalid(errors);
        }
        return Show(outcome, a =>
        {
            return RedirectWithFlash($"/elders/{id}",
                $"已录入{a.InstrumentName}：{a.GradeName}" + (a.CareTier is { } tier ? $"（{tier}）。" : $"（{a.Score} 分）。"));
        }, NoPage) ?? Page();
    }

    private const string NoPage = "未找到该页面或该老年人。";

    private Dictionary<string, int> ReadBarthel(FieldErrors errors)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in Barthel.Items)
        {
            var key = "items." + item.Code;
            if (FormValues.Trimmed(Request.Form[key]) is not { } text) continue; // Barthel.Validate names the missing item
            Items[item.Code] = text;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score)) scores[item.Code] = score;
            else errors.Add(key, $"“{item.Name}”请从选项中选择。");
        }
        return scores;
    }

    private List<SelfCareIndicator> ReadIndicators(FieldErrors errors)
    {
        var list = new List<SelfCareIndicator>();
        foreach (var text in NotAchieved)
            if (EnumText.TryParse<SelfCareIndicator>(text, out var i)) list.Add(i);
            else errors.Add("notAchieved", "含有未知的生活自理指标。");
        return list;
    }

    private async Task<bool> LoadAsync(Guid id, string instrument, CancellationToken ct)
    {
        if (instrument is not ("barthel" or "self-care")) return false;
        Instrument = instrument == "barthel" ? SecondaryInstrument.Barthel : SecondaryInstrument.ExtremePovertySelfCare;
        Today = FormValues.Text(clock.Today());
        Elder = (await GetElder.Handle(id, user.Scope, db, protector, clock, ct)).Value;
        return Elder is not null;
    }
}
