using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>The district opens a round of evaluations for a year (三(二)(三)): the yearly service-quality evaluation or a
/// construction acceptance, under a name.</summary>
public static class OpenEvaluationRound
{
    public sealed record Input(int? Year, EvaluationKind? Kind, string? Name);

    public static async Task<Outcome<EvaluationRoundResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text(input.Name, "name", "评估批次名称", FreeText.Name);
        errors.AddIf(string.IsNullOrWhiteSpace(name), "name", "请填写评估批次名称。");
        var thisYear = clock.Today().Year;
        errors.AddIf(input.Year is null || input.Year < 2020 || input.Year > thisYear + 1, "year", $"评估年度须在 2020 至 {thisYear + 1} 年之间。");
        errors.AddIf(input.Kind is null, "kind", "请选择评估类型（年度服务质量评估或建设验收）。");
        if (errors.Any) return Outcome<EvaluationRoundResource>.Invalid(errors);
        var round = new EvaluationRound
        {
            Year = input.Year!.Value, Kind = input.Kind!.Value, Name = name!, OpenedBy = user.UserName ?? "", OpenedAt = clock.UtcNow(),
        };
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return EvaluationRoundResource.From(round);
    }
}
