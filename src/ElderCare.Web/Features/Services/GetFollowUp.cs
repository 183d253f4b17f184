using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Services;

/// <summary>One follow-up in scope, as the queue shows it.</summary>
public static class GetFollowUp
{
    public static async Task<Outcome<FollowUpResource>> Handle(Guid id, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var (items, _) = await ListFollowUps.Read(false, id, scope, db, new PageRequest(1, 1), ct);
        return items is [var followUp] ? followUp : Outcome<FollowUpResource>.NotFound("找不到该回访，或不在您的管辖范围内。");
    }
}
