using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ElderCare.Web.Features.Shared;

namespace ElderCare.Web.Features.Assessments;

/// <summary>老年人能力评估报告 (GB/T 42195-2022 附录C), printable: the domain scores, the total, the levels and the rule applied.</summary>
[Authorize(Policy = Roles.Policies.ReadElders)]
public sealed class AssessmentReportModel(AppDbContext db, FieldProtector protector, TimeProvider clock, CurrentUser user) : OutcomePageModel
{
    public AssessmentReport Report { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>C.3: the total-score band of each level, best first.</summary>
    public static IReadOnlyList<(int Level, string Band)> Bands { get; } =
    [
        (0, $"{CapabilityAssessment.IntactTotal}"),
        (1, $"{CapabilityAssessment.MildMinTotal}–{CapabilityAssessment.IntactTotal - 1}"),
        (2, $"{CapabilityAssessment.ModerateMinTotal}–{CapabilityAssessment.MildMinTotal - 1}"),
        (3, $"{CapabilityAssessment.SevereMinTotal}–{CapabilityAssessment.ModerateMinTotal - 1}"),
        (4, $"0–{CapabilityAssessment.SevereMinTotal - 1}"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid assessmentId, CancellationToken ct)
    {
        var outcome = await GetAssessment.Handle(id, assessmentId, user.Scope, db, protector, ct);
        return Show(outcome, report =>
        {
            Report = report;
            Today = clock.Today();
            return Page();
        }) ?? Page();
    }
}
