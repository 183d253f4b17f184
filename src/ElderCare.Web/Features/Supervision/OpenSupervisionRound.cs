using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// The district opens the monthly supervision round (三(一): 区级每月督导) for a year and month, conducted by itself or by a
/// named contracted third party; the round takes the checklist in force for its year. One round per month per organisation.
/// </summary>
public static class OpenSupervisionRound
{
    public const string District = "区民政局";

    public sealed record Input(int? Year, int? Month, RoundConductor? Conductor, string? Organisation);

    public static async Task<Outcome<SupervisionRoundResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var thisYear = clock.Today().Year;
        errors.AddIf(input.Year is null || input.Year < 2020 || input.Year > thisYear + 1, "year", $"督导年度须在 2020 至 {thisYear + 1} 年之间。");
        errors.AddIf(input.Month is null or < 1 or > 12, "month", "督导月份须在 1 至 12 之间。");
        errors.AddIf(input.Conductor is null, "conductor", "请选择实施督导的单位（区民政局或第三方机构）。");
        var organisation = errors.Text(input.Organisation, "organisation", "第三方机构名称", FreeText.Name);
        if (input.Conductor == RoundConductor.ThirdParty)
            errors.AddIf(string.IsNullOrWhiteSpace(organisation), "organisation", "请填写受委托的第三方机构名称。");
        if (errors.Any) return Outcome<SupervisionRoundResource>.Invalid(errors);
        var name = input.Conductor == RoundConductor.District ? District : organisation!.Trim();
        if (await db.SupervisionRounds.AnyAsync(r => r.Year == input.Year && r.Month == input.Month && r.Organisation == name, ct))
            return Outcome<SupervisionRoundResource>.Conflict($"{name} {input.Year}年{input.Month}月的督导批次已开启。");
        var checklist = await SupervisionDefaults.InForceAsync(input.Year!.Value, db, ct);
        if (checklist is null) return Outcome<SupervisionRoundResource>.Invalid("year", $"{input.Year} 年没有适用的督导检查表。");
        var round = new SupervisionRound
        {
            Year = input.Year.Value, Month = input.Month!.Value, Conductor = input.Conductor!.Value, Organisation = name,
            ChecklistId = checklist.Id, OpenedBy = user.UserName ?? "", OpenedAt = clock.UtcNow(),
        };
        db.SupervisionRounds.Add(round);
        if (!await db.SavedAsync(ct))
            return Outcome<SupervisionRoundResource>.Conflict($"{name} {input.Year}年{input.Month}月的督导批次已开启。");
        return SupervisionRoundResource.From(round);
    }
}
