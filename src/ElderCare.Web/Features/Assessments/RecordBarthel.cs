using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Assessments;

public sealed record BarthelInput(DateOnly? AssessedOn, string? Assessor, Dictionary<string, int>? Items);

/// <summary>录入 Barthel 指数 (STANDARDS.md §3): the ten items scored and graded, for an active elder in scope.</summary>
public static class RecordBarthel
{
    public static async Task<Outcome<SecondaryAssessmentResult>> Handle(Guid elderId, BarthelInput input, CurrentUser user, AppDbContext db,
        FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var errors = Barthel.Validate(input.Items);
        var score = errors.Any ? default : Barthel.Score(input.Items!);
        var scored = new RecordSecondaryAssessment.Scored(SecondaryInstrument.Barthel, input.AssessedOn, input.Assessor, errors,
            RequireExtremePoverty: false, () => JsonSerializer.Serialize(input.Items), score.Total, score.Dependency.ToString());
        return await RecordSecondaryAssessment.Handle(elderId, scored, user, db, protector, clock, ct);
    }
}
