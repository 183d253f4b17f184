using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>The district's rounds (三(二)(三)): open a round, assign facilities to an evaluator organisation and evaluators,
/// and see the templates in force (待确认 until confirmed).</summary>
[Authorize(Policy = Roles.Policies.ManageEvaluations)]
public sealed class EvaluationRoundsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid? RoundId { get; set; }
    [BindProperty] public List<Guid> FacilityIds { get; set; } = [];
    [BindProperty] public string? EvaluatorOrganisation { get; set; }
    [BindProperty] public List<Guid> EvaluatorUserIds { get; set; } = [];
    [BindProperty] public string? Source { get; set; }

    public IReadOnlyList<EvaluationRoundResource> Rounds { get; private set; } = [];
    public IReadOnlyList<EvaluationTemplateResource> Templates { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Facilities { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Evaluators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var kind = EnumText.TryParse<EvaluationKind>(Kind, out var k) ? k : (EvaluationKind?)null;
        var outcome = await OpenEvaluationRound.Handle(new OpenEvaluationRound.Input(Year, kind, Name), user, db, clock, ct);
        return Show(outcome, r => Flash($"已开启评估批次“{r.Name}”。")) ?? await Again(ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (RoundId is not { } round)
        {
            ModelState.AddFieldErrors(new FieldErrors().Add("roundId", "请选择评估批次。"));
            return await Again(ct);
        }
        var outcome = await AssignEvaluations.Handle(round, new AssignEvaluations.Input(FacilityIds, EvaluatorOrganisation, EvaluatorUserIds),
            user, db, clock, ct);
        return Show(outcome, list => Flash($"已分配 {list.Count} 份评估表。")) ?? await Again(ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid templateId, CancellationToken ct)
    {
        var outcome = await ConfirmEvaluationTemplate.Handle(templateId, new ConfirmEvaluationTemplate.Input(Source), user, db, clock, ct);
        return Show(outcome, t => Flash($"已确认评估模板“{t.Name}”。")) ?? await Again(ct);
    }

    private IActionResult Flash(string text) => RedirectWithFlash("/evaluations/rounds", text);

    private Task<IActionResult> Again(CancellationToken ct) => AgainAsync(() => Load(ct));

    private async Task Load(CancellationToken ct)
    {
        Rounds = await ListEvaluationRounds.Handle(null, db, ct);
        Templates = (await ListEvaluationTemplates.Handle(new ListEvaluationTemplates.Query(), db, ct)).Value!;
        Facilities = await EvaluationChoices.Facilities(user.Scope, db, ct);
        Evaluators = await EvaluationChoices.Evaluators(db, ct);
    }
}
