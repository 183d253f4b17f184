using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
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
public sealed class EvaluationDetailsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    public sealed class ScoreForm
    {
        public string? IndicatorKey { get; set; }
        public decimal? Points { get; set; }
        public string? Note { get; set; }
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
        var input = new RecordScores.Input(Scores.Where(s => s.Points is not null || !string.IsNullOrWhiteSpace(s.Note))
            .Select(s => new RecordScores.ScoreInput(s.IndicatorKey, s.Points, s.Note, Existing(s.IndicatorKey))).ToList());
        await Load(id, ct);
        return Show(await RecordScores.Handle(id, input, user, db, clock, ct), Done("评分已保存。", id)) ?? await Again(id, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (!Roles.Allows(User, Roles.Policies.ScoreEvaluations)) return Forbid();
        return Show(await SubmitEvaluation.Handle(id, user, db, clock, ct), Done("评估已提交。", id)) ?? await Again(id, ct);
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

    /// <summary>The evidence ids a score already has (the form changes points and notes; files are added by upload).</summary>
    private List<Guid> Existing(string? key) => Sheet?.Scores.FirstOrDefault(s => s.IndicatorKey == key)?.EvidenceIds.ToList() ?? [];

    private Func<EvaluationResource, IActionResult> Done(string flash, Guid id) => _ =>
    {
        TempData["Flash"] = flash;
        return Redirect($"/evaluations/{id}");
    };

    private async Task<IActionResult> Again(Guid id, CancellationToken ct)
    {
        var status = Response.StatusCode;
        var result = await Load(id, ct) ?? Page();
        Response.StatusCode = status;
        return result;
    }

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
