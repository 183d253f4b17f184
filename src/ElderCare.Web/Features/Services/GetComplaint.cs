using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Services;

/// <summary>One complaint in scope, as the list shows it.</summary>
public static class GetComplaint
{
    public static async Task<Outcome<ComplaintResource>> Handle(Guid id, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (items, _) = await ListComplaints.Read(scope, db, clock.UtcNow(), false, false, id, new PageRequest(1, 1), ct);
        return items is [var complaint] ? complaint : Outcome<ComplaintResource>.NotFound("找不到该投诉，或不在您的管辖范围内。");
    }
}
