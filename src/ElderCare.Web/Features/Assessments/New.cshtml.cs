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

/// <summary>
/// 录入老年人能力评估: the whole GB/T 42195-2022 附录B form on one page. Radios are named by the API's keys
/// ("items.B.2.4"), so RecordAssessment's errors land beside their item.
/// </summary>
[Authorize(Policy = Roles.Policies.AssessElders)]
public sealed class AssessmentCreateModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user,
    Infrastructure.Documents.DocumentOptions documents) : OutcomePageModel
{
    /// <summary>The form offers this many assessor names; the standard asks for at least two.</summary>
    public const int AssessorRows = 3;

    [BindProperty(Name = "assessedOn")] public string? AssessedOn { get; set; }
    [BindProperty(Name = "reason")] public string? Reason { get; set; }
    [BindProperty(Name = "assessors")] public List<string?> Assessors { get; set; } = [];
    [BindProperty(Name = "coma")] public string? Coma { get; set; }
    [BindProperty(Name = "diagnosedMentalDisorder")] public string? DiagnosedMentalDisorder { get; set; }
    [BindProperty(Name = "riskEvents30d")] public string? RiskEvents30d { get; set; }

    /// <summary>Item code → the score as sent ("B.1.1" → "4").</summary>
    public Dictionary<string, string> Items { get; } = new(StringComparer.Ordinal);

    public Guid Id { get; private set; }
    public ElderResource? Elder { get; private set; }
    public string Today { get; private set; } = "";

    public IReadOnlyList<string?> AssessorRowsToShow() =>
        [.. Assessors, .. Enumerable.Repeat<string?>(null, Math.Max(0, AssessorRows - Assessors.Count))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return Missing(NoElder);
        AssessedOn = Today;
        // 附录A 评估原因: the first assessment, else the yearly one (a change of condition makes it 即时).
        Reason = EnumText.Of(Elder!.LastAssessedOn is null ? AssessmentReason.First
            : Elder.NextAssessmentDue is { } due && due < Elder.LastAssessedOn.Value.AddMonths(Reassessment.CycleMonths) ? AssessmentReason.Immediate
            : AssessmentReason.Routine);
        if (User.FindFirstValue(ClaimTypes.GivenName) is { Length: > 0 } me) Assessors = [me];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return Missing(NoElder);
        var errors = new FieldErrors();
        var input = ReadForm(errors);
        var outcome = await RecordAssessment.Handle(id, input, user, db, protector, clock, documents, ct);
        // Whatever the page could not read reaches the use case as a value it refuses, so an Ok here has no page errors.
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors?.MergeInto(errors);
            outcome = Outcome<AssessmentResult>.Invalid(InFormOrder(errors));
        }
        return Show(outcome, a =>
        {
            return RedirectWithFlash($"/elders/{id}/assessments/{a.Id}/report",
                $"已录入 {Display.Date(a.AssessedOn)} 的能力评估：总分 {a.Total}，{ElderLabels.Level(a.Level)}。");
        }, NoElder) ?? Page();
    }

    private const string NoElder = "未找到该老年人。";

    /// <summary>The error summary lists problems top to bottom, as the form asks its questions.</summary>
    private static FieldErrors InFormOrder(FieldErrors errors)
    {
        string[] order = ["assessedOn", "reason", "assessors", .. CapabilityForm.Codes.Select(c => "items." + c), "riskEvents30d"];
        var entries = errors.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var sorted = new FieldErrors();
        foreach (var key in order.Concat(entries.Keys.Except(order)))
            if (entries.TryGetValue(key, out var messages))
                foreach (var message in messages) sorted.Add(key, message);
        return sorted;
    }

    /// <summary>
    /// Reads the typed form. Whatever cannot be read gets a message here and reaches the use case as a value it refuses
    /// (missing, or a negative count), so nothing unread is ever saved and every problem shows at once.
    /// </summary>
    private AssessmentInput ReadForm(FieldErrors errors)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in CapabilityForm.Items)
        {
            var key = "items." + item.Code;
            var text = FormValues.Trimmed(Request.Form[key]);
            if (text is null)
            {
                errors.Add(key, $"请选择“{item.Code} {item.Name}”的评分。");
                continue;
            }
            Items[item.Code] = text;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score)) scores[item.Code] = score;
            else errors.Add(key, $"“{item.Code} {item.Name}”请从选项中选择。");
        }

        int risk = 0;
        if (FormValues.Trimmed(RiskEvents30d) is { } r && !int.TryParse(r, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out risk))
        {
            errors.Add("riskEvents30d", "请填写次数（整数），没有则填 0。");
            risk = -1;
        }
        return new AssessmentInput(
            FormValues.Date(AssessedOn, "assessedOn", errors),
            FormValues.Choice<AssessmentReason>(Reason, "reason", errors),
            Assessors.Select(a => a ?? "").ToList(),
            scores,
            Coma == "true",
            DiagnosedMentalDisorder == "true",
            risk);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Today = FormValues.Text(clock.Today());
        Elder = (await GetElder.Handle(id, user.Scope, db, protector, clock, ct)).Value;
        return Elder is not null;
    }
}
