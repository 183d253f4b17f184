using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Assessments;

/// <summary>One secondary result as the API and the elder page show it.</summary>
public sealed record SecondaryAssessmentResult(
    Guid Id, Guid ElderId, SecondaryInstrument Instrument, string InstrumentName, DateOnly AssessedOn, string Assessor, int Score,
    string Grade, string GradeName, string? CareTier)
{
    public static SecondaryAssessmentResult From(SecondaryAssessment a)
    {
        if (a.Instrument == SecondaryInstrument.Barthel)
        {
            var dependency = Enum.Parse<BarthelDependency>(a.Grade);
            return new(a.Id, a.ElderId, a.Instrument, "Barthel 指数", a.AssessedOn, a.Assessor, a.Score, EnumText.Of(dependency),
                Assessments.Barthel.NameOf(dependency), null);
        }
        var ability = Enum.Parse<SelfCareAbility>(a.Grade);
        return new(a.Id, a.ElderId, a.Instrument, "特困人员生活自理能力", a.AssessedOn, a.Assessor, a.Score, EnumText.Of(ability),
            ExtremePovertySelfCare.NameOf(ability), ExtremePovertySelfCare.CareTierOf(ability));
    }
}
