using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Assessments;

public sealed record SelfCareInput(DateOnly? AssessedOn, string? Assessor, List<SelfCareIndicator>? NotAchieved);

/// <summary>录入特困人员生活自理能力 (STANDARDS.md §8): the six indicators not achieved, for an active 特困人员 in scope.</summary>
public static class RecordSelfCare
{
    public static async Task<Outcome<SecondaryAssessmentResult>> Handle(Guid elderId, SelfCareInput input, CurrentUser user, AppDbContext db,
        FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.NotAchieved is null) errors.Add("notAchieved", "请列出未达到的指标（全部达到时提交空列表）。");
        else errors.AddIf(input.NotAchieved.Any(i => !Enum.IsDefined(i)), "notAchieved", "含有未知的生活自理指标。");
        var result = errors.Any ? null : ExtremePovertySelfCare.Assess(input.NotAchieved!);
        var scored = new RecordSecondaryAssessment.Scored(SecondaryInstrument.ExtremePovertySelfCare, input.AssessedOn, input.Assessor, errors,
            RequireExtremePoverty: true, () => JsonSerializer.Serialize(result!.NotAchieved), result?.NotAchieved.Count ?? 0,
            result?.Ability.ToString() ?? "");
        return await RecordSecondaryAssessment.Handle(elderId, scored, user, db, protector, clock, ct);
    }
}
