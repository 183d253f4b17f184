using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Assessments;

public sealed record BarthelInput(DateOnly? AssessedOn, string? Assessor, Dictionary<string, int>? Items);

public sealed record SelfCareInput(DateOnly? AssessedOn, string? Assessor, List<SelfCareIndicator>? NotAchieved);

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

/// <summary>录入 Barthel 指数 (STANDARDS.md §3) or 特困人员生活自理能力 (§8) for an elder in scope.</summary>
public static class RecordSecondaryAssessment
{
    public static async Task<Outcome<SecondaryAssessmentResult>> Barthel(Guid elderId, BarthelInput input, CurrentUser user, AppDbContext db,
        FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var errors = Assessments.Barthel.Validate(input.Items);
        var score = errors.Any ? default : Assessments.Barthel.Score(input.Items!);
        return await Save(elderId, SecondaryInstrument.Barthel, input.AssessedOn, input.Assessor, errors, requireExtremePoverty: false,
            () => JsonSerializer.Serialize(input.Items), score.Total, score.Dependency.ToString(), user, db, protector, clock, ct);
    }

    public static async Task<Outcome<SecondaryAssessmentResult>> SelfCare(Guid elderId, SelfCareInput input, CurrentUser user, AppDbContext db,
        FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.NotAchieved is null) errors.Add("notAchieved", "请列出未达到的指标（全部达到时提交空列表）。");
        else errors.AddIf(input.NotAchieved.Any(i => !Enum.IsDefined(i)), "notAchieved", "含有未知的生活自理指标。");
        var result = errors.Any ? null : ExtremePovertySelfCare.Assess(input.NotAchieved!);
        return await Save(elderId, SecondaryInstrument.ExtremePovertySelfCare, input.AssessedOn, input.Assessor, errors, requireExtremePoverty: true,
            () => JsonSerializer.Serialize(result!.NotAchieved), result?.NotAchieved.Count ?? 0, result?.Ability.ToString() ?? "", user, db,
            protector, clock, ct);
    }

    private static async Task<Outcome<SecondaryAssessmentResult>> Save(Guid elderId, SecondaryInstrument instrument, DateOnly? assessedOn,
        string? assessor, FieldErrors errors, bool requireExtremePoverty, Func<string> answers, int score, string grade, CurrentUser user,
        AppDbContext db, FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var elder = await db.Elders.AsNoTracking().InScope(user.Scope, db).Where(e => e.Id == elderId)
            .Select(e => new { e.Status, e.Categories }).FirstOrDefaultAsync(ct);
        if (elder is null) return Outcome<SecondaryAssessmentResult>.NotFound("未找到该老年人。");
        if (elder.Status != ElderStatus.Active) return Outcome<SecondaryAssessmentResult>.Conflict("该老年人已迁出或已故，不能再录入评估。");
        // 《特困人员认定办法》: the six-indicator determination is made for 特困人员 only.
        if (requireExtremePoverty && !elder.Categories.Contains(ElderCategory.ExtremePoverty))
            return Outcome<SecondaryAssessmentResult>.Conflict("该老年人未登记为特困人员，生活自理能力认定仅适用于特困人员。");

        if (assessedOn is null) errors.Add("assessedOn", "请填写评估日期。");
        else errors.AddIf(assessedOn > clock.Today(), "assessedOn", "评估日期不能晚于今天。");
        assessor = errors.Text(assessor, "assessor", "评估人员", FreeText.PersonName);
        var name = assessor?.Trim() ?? "";
        errors.AddIf(name.Length == 0, "assessor", "请填写评估人员。");
        errors.AddIf(name.Length > 50, "assessor", "评估人员姓名不能超过 50 个字。");
        if (errors.Any) return Outcome<SecondaryAssessmentResult>.Invalid(errors);

        var entity = new SecondaryAssessment
        {
            ElderId = elderId, Instrument = instrument, AssessedOn = assessedOn!.Value, Assessor = name,
            AnswersProtected = protector.Protect(answers())!, Score = score, Grade = grade, RecordedBy = user.Id, RecordedAt = clock.UtcNow(),
        };
        db.SecondaryAssessments.Add(entity);
        await db.SaveChangesAsync(ct);
        return SecondaryAssessmentResult.From(entity);
    }

    public static async Task<Outcome<IReadOnlyList<SecondaryAssessmentResult>>> History(Guid elderId, DataScope scope, AppDbContext db,
        CancellationToken ct)
    {
        if (!await db.Elders.AsNoTracking().InScope(scope, db).AnyAsync(e => e.Id == elderId, ct))
            return Outcome<IReadOnlyList<SecondaryAssessmentResult>>.NotFound("未找到该老年人。");
        var list = await db.SecondaryAssessments.AsNoTracking().Where(a => a.ElderId == elderId)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        return Outcome<IReadOnlyList<SecondaryAssessmentResult>>.Ok(list.Select(SecondaryAssessmentResult.From).ToList());
    }
}
