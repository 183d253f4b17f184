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
        var now = clock.UtcNow();
        var complaints = ListComplaints.Filter(new ListComplaints.Query(), scope, db, now, new FieldErrors());
        var items = await ListComplaints.Rows(complaints.Where(c => c.Id == id), db, now, ct);
        return items is [var complaint] ? complaint : Outcome<ComplaintResource>.NotFound("找不到该投诉，或不在您的管辖范围内。");
    }
}
