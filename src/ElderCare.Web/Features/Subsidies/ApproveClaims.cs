using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>区审批: the district approves reviewed claims (镇街已审核 → 区已审批).</summary>
public static class ApproveClaims
{
    public static Task<Outcome<IReadOnlyList<LedgerLineResource>>> Handle(LineSelection input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        LedgerSteps.Move(input, user.Scope, db, LedgerStatus.TownReviewed, LedgerStatus.Approved, "区审批", line =>
        {
            line.ApprovedBy = user.UserName;
            line.ApprovedAt = clock.UtcNow();
        }, ct);
}
