using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

public sealed record LineSelection(List<Guid>? LineIds);

/// <summary>镇街审核: the street or town reviews the claims of its own unit (已申报 → 镇街已审核); another unit's line is not found.</summary>
public static class ReviewClaims
{
    public static Task<Outcome<IReadOnlyList<LedgerLineResource>>> Handle(LineSelection input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        LedgerSteps.Move(input, user.Scope, db, LedgerStatus.Claimed, LedgerStatus.TownReviewed, "镇街审核", line =>
        {
            line.ReviewedBy = user.UserName;
            line.ReviewedAt = clock.UtcNow();
        }, ct);
}
