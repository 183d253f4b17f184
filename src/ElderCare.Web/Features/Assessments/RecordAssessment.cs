using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Documents;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

public sealed record AssessmentInput(
    DateOnly? AssessedOn, AssessmentReason? Reason, List<string>? Assessors, Dictionary<string, int>? Items,
    bool Coma, bool DiagnosedMentalDisorder, int RiskEvents30d);

public sealed record DomainScores(int SelfCare, int Motor, int Mental, int Perception);

public sealed record AssessmentResult(
    Guid Id, Guid ElderId, DateOnly AssessedOn, AssessmentReason Reason, IReadOnlyList<string> Assessors, int Total, DomainScores Domains,
    int InitialLevel, int Level, string LevelName, string? LevelRule, bool Coma, bool DiagnosedMentalDisorder, int RiskEvents30d, DateOnly NextDue,
    string? ReportNumber)
{
    public static AssessmentResult From(Assessment a, DateOnly? conditionChangedOn) => new(
        a.Id, a.ElderId, a.AssessedOn, a.Reason, a.Assessors, a.Total, new DomainScores(a.SelfCare, a.Motor, a.Mental, a.Perception),
        a.InitialLevel, a.Level, CapabilityAssessment.LevelName(a.Level),
        CapabilityAssessment.RuleTextFor(a.InitialLevel, a.Level, a.Coma, a.DiagnosedMentalDisorder, a.RiskEvents30d),
        a.Coma, a.DiagnosedMentalDisorder, a.RiskEvents30d, Reassessment.NextDue(a.AssessedOn, conditionChangedOn), a.ReportNumber);
}

public static class RecordAssessment
{
    public const int MinAssessors = 2;

    /// <summary>
    /// GB/T 42195-2022: scores the 26 items, sets the level by the total and the change rules, stores the item scores
    /// encrypted (health data), and makes it the elder's current level when it is the latest assessment.
    /// </summary>
    public static async Task<Outcome<AssessmentResult>> Handle(Guid elderId, AssessmentInput input, CurrentUser user, AppDbContext db,
        FieldProtector protector, TimeProvider clock, DocumentOptions documents, CancellationToken ct)
    {
        var elder = await db.Elders.InScope(user.Scope, db).FirstOrDefaultAsync(e => e.Id == elderId, ct);
        if (elder is null) return Outcome<AssessmentResult>.NotFound("未找到该老年人。");
        if (elder.Status != ElderStatus.Active)
            return Outcome<AssessmentResult>.Conflict("该老年人已迁出或已故，不能再录入能力评估。");

        var today = clock.Today();
        var errors = CapabilityAssessment.Validate(input.Items, input.Coma, input.RiskEvents30d);
        input = input with { Assessors = errors.Texts(input.Assessors, "assessors", "评估人员", FreeText.PersonName) };
        var assessors = input.Assessors?.Select(a => a?.Trim() ?? "").Where(a => a.Length > 0).Distinct().ToList() ?? [];
        errors.AddIf(assessors.Count < MinAssessors, "assessors", $"评估人员至少 {MinAssessors} 名（GB/T 42195-2022）。");
        errors.AddIf(assessors.Any(a => a.Length > 50), "assessors", "评估人员姓名不能超过 50 个字。");
        if (input.AssessedOn is null) errors.Add("assessedOn", "请填写评估日期。");
        else errors.AddIf(input.AssessedOn > today, "assessedOn", "评估日期不能晚于今天。");
        if (input.Reason is null) errors.Add("reason", "请选择评估原因。");
        if (errors.Any) return Outcome<AssessmentResult>.Invalid(errors);

        // The report's 文号 comes from the sequence of the assessment's year, taken in the same transaction as the row (no gaps).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var year = input.AssessedOn!.Value.Year;
        var number = await DocumentNumbers.NextAsync(DocumentKind.AssessmentReport, year, db, ct);
        var score = CapabilityAssessment.Score(input.Items!, input.Coma, input.DiagnosedMentalDisorder, input.RiskEvents30d);
        var assessment = new Assessment
        {
            ElderId = elderId, AssessedOn = input.AssessedOn!.Value, Reason = input.Reason!.Value, Assessors = assessors,
            ItemsProtected = protector.Protect(JsonSerializer.Serialize(input.Items))!, Coma = input.Coma,
            DiagnosedMentalDisorder = input.DiagnosedMentalDisorder, RiskEvents30d = input.RiskEvents30d,
            SelfCare = score.SelfCare, Motor = score.Motor, Mental = score.Mental, Perception = score.Perception, Total = score.Total,
            InitialLevel = score.InitialLevel, Level = score.Level, RecordedBy = user.Id, RecordedAt = clock.UtcNow(),
            ReportNumber = DocumentNumbers.Format(documents.PrefixOf(DocumentKind.AssessmentReport), year, number),
        };
        db.Assessments.Add(assessment);
        // The latest assessment decides the current level (a late entry of an older paper form does not).
        if (elder.LastAssessedOn is null || assessment.AssessedOn >= elder.LastAssessedOn)
        {
            elder.CurrentLevel = score.Level;
            elder.LastAssessedOn = assessment.AssessedOn;
            if (elder.ConditionChangedOn <= assessment.AssessedOn) elder.ConditionChangedOn = null;
            elder.Version++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return AssessmentResult.From(assessment, elder.ConditionChangedOn);
    }
}
