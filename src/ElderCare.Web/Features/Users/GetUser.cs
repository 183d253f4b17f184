using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Users;

public static class GetUser
{
    /// <summary>One user as the API shows it (mobile masked), for the edit and confirmation pages.</summary>
    public static async Task<Outcome<UserResource>> Handle(Guid id, AppDbContext db, FieldProtector protector, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? Outcome<UserResource>.NotFound("没有这个用户。") : UserResource.From(user, protector);
    }
}
