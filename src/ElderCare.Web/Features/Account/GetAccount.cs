using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Account;

/// <summary>The signed-in user's own account, for the my-account page (password state, two-factor enrolment).</summary>
public static class GetAccount
{
    public static Task<AppUser?> Handle(Guid userId, AppDbContext db, CancellationToken ct) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
}
