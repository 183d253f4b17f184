using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Evidence;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>
/// One evaluation sheet (三(二)(三)): the assigned evaluator scores it on a phone (one indicator per card) and submits;
/// the facility (operator or town) objects once; the district approves and locks.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadEvaluations)]
public sealed class EvaluationDetailsModel(AppDbContext db, CurrentUser user, TimeProvider clock, IEvidenceStore store, EvidenceOptions evidence)
    : OutcomePageModel
{
    public sealed class ScoreForm
    {
        public string? IndicatorKey { get; set; }
        public decimal? Points { get; set; }
        public string? Note { get; set; }

        /// <summary>Photos, PDFs or spreadsheets taken on the spot; stored as evidence files of the facility (Features/Evidence).</summary>
        public List<IFormFile> Files { get; set; } = [];
    }

    [BindProperty] public List<ScoreForm> Scores { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public EvaluationResource? Sheet { get; private set; }

    public bool CanScore =>
        Sheet is { Status: EvaluationStatus.Draft or EvaluationStatus.Objected } && Roles.Allows(User, Roles.Policies.ScoreEvaluations);

    public bool CanObject =>
        Sheet is { Status: EvaluationStatus.Submitted, Objection: null } && Roles.Allows(User, Roles.Policies.ObjectToEvaluations);

    public bool CanApprove => Sheet is { Status: EvaluationStatus.Submitted } && Roles.Allows(User, Roles.Policies.ManageEvaluations);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ?? Page();

    public async Task<IActionResult> OnPostScoresAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ScoreEvaluations)) return Forbid();
        if (await Load(id, ct) is { } missing) return missing;
        var saved = await SaveScores(id, ct);
        return (saved is null ? null : Show(saved, Done("评分已保存。", id))) ?? await Again(id, ct);
    }

    /// <summary>Submits the sheet with what is typed on the cards: they are saved first, then the sheet is submitted.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ScoreEvaluations)) return Forbid();
        if (Scores.Count > 0)
        {
            if (await Load(id, ct) is { } missing) return missing;
            var saved = await SaveScores(id, ct);
            if (saved is null || !saved.IsOk) return (saved is null ? null : Show(saved, Done("评分已保存。", id))) ?? await Again(id, ct);
        }
        return Show(await SubmitEvaluation.Handle(id, user, db, clock, ct), Done("评估已提交。", id)) ?? await Again(id, ct);
    }

    /// <summary>The cards as typed, with their new files, through RecordScores; null (with field errors) when a file was refused.</summary>
    private async Task<Outcome<EvaluationResource>?> SaveScores(Guid id, CancellationToken ct)
    {
        var uploaded = await Upload(ct);
        if (uploaded is null) return null;
        var input = new RecordScores.Input(Scores.Where(s => s.Points is not null || !string.IsNullOrWhiteSpace(s.Note) || s.Files.Count > 0)
            .Select(s => new RecordScores.ScoreInput(s.IndicatorKey, s.Points, s.Note,
                [.. Existing(s.IndicatorKey), .. uploaded.GetValueOrDefault(s.IndicatorKey ?? "", [])])).ToList());
        return await RecordScores.Handle(id, input, user, db, clock, ct);
    }

    public async Task<IActionResult> OnPostObjectAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ObjectToEvaluations)) return Forbid();
        return Show(await ObjectToEvaluation.Handle(id, new ObjectToEvaluation.Input(Reason), user, db, clock, ct), Done("异议已提出。", id))
            ?? await Again(id, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ManageEvaluations)) return Forbid();
        return Show(await ApproveEvaluation.Handle(id, user, db, clock, ct), Done("评估已审定并锁定。", id)) ?? await Again(id, ct);
    }

    /// <summary>Stores the files of each card as evidence of the sheet's facility; null (with field errors) when one is refused.</summary>
    private async Task<Dictionary<string, List<Guid>>?> Upload(CancellationToken ct)
    {
        var ids = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        var errors = new FieldErrors();
        for (var n = 0; n < Scores.Count; n++)
            foreach (var file in Scores[n].Files)
            {
                await using var stream = file.OpenReadStream();
                var stored = await StoreEvidence.Handle(new EvidenceUpload(Sheet!.FacilityId, file.FileName, stream), user.Scope,
                    user.UserName ?? "", db, store, evidence, clock, ct);
                if (!stored.IsOk)
                {
                    errors.Add($"scores[{n}].files", $"“{file.FileName}”未能上传：{Placeholders.Problem(stored.Errors, stored.Message)}");
                    continue;
                }
                var key = Scores[n].IndicatorKey ?? "";
                if (!ids.TryGetValue(key, out var list)) ids[key] = list = [];
                list.Add(stored.Value!.Id);
            }
        if (!errors.Any) return ids;
        ModelState.AddFieldErrors(errors);
        return null;
    }

    /// <summary>The evidence ids a score already has (the form changes points and notes; files are added by upload).</summary>
    private List<Guid> Existing(string? key) => Sheet?.Scores.FirstOrDefault(s => s.IndicatorKey == key)?.EvidenceIds.ToList() ?? [];

    private Func<EvaluationResource, IActionResult> Done(string flash, Guid id) => _ => RedirectWithFlash($"/evaluations/{id}", flash);

    private Task<IActionResult> Again(Guid id, CancellationToken ct) => AgainAsync(() => Load(id, ct));

    private async Task<IActionResult?> Load(Guid id, CancellationToken ct)
    {
        var outcome = await GetEvaluation.Handle(id, user, db, ct);
        if (!outcome.IsOk) return Missing(outcome.Message);
        Sheet = outcome.Value!;
        return null;
    }

    /// <summary>The score of an indicator as typed (after a refused save) or as stored.</summary>
    public (string Points, string Note) Entered(int index, IndicatorResource indicator)
    {
        if (index < Scores.Count && Scores[index].IndicatorKey == indicator.Key)
            return (Scores[index].Points?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Scores[index].Note ?? "");
        var stored = Sheet?.Scores.FirstOrDefault(s => s.IndicatorKey == indicator.Key);
        return (stored?.Points.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", stored?.Note ?? "");
    }
}
