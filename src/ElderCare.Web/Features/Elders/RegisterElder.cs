using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public static class RegisterElder
{
    public static async Task<Outcome<ElderResource>> Handle(ElderInput input, CurrentUser user, AppDbContext db, FieldProtector protector,
        ElderOptions options, TimeProvider clock, CancellationToken ct)
    {
        var text = new FieldErrors();
        input = ElderValidation.CleanText(input, text);
        if (text.Any) return Outcome<ElderResource>.Invalid(text);
        var today = clock.Today();
        var (errors, id) = await ElderValidation.ValidateAsync(input, user.Scope, db, options, today, ct);
        if (errors.Any) return Outcome<ElderResource>.Invalid(errors);

        if (await Duplicate(id!.IdNumber, user.Scope, db, protector, ct) is { } message) return Outcome<ElderResource>.Conflict(message);
        var now = clock.UtcNow();
        var elder = new Elder
        {
            Name = "", IdNumberProtected = "", IdNumberIndex = "", RegionCode = "", UnitCode = "", ConsentBasis = "",
            ConsentRecordedBy = user.UserName ?? "", Status = input.Status ?? ElderStatus.Active, StatusOn = input.StatusOn ?? today,
            CreatedAt = now, UpdatedAt = now,
        };
        ElderValidation.ApplyTo(input, id, elder, protector, user.UserName ?? "", today);
        db.Elders.Add(elder);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations of the same person at once: the unique blind index keeps one.
            db.ChangeTracker.Clear();
            if (await db.Elders.AsNoTracking().AnyAsync(e => e.IdNumberIndex == elder.IdNumberIndex, ct))
                return Outcome<ElderResource>.Conflict("该身份证号刚被他人登记，请刷新后查看。");
            throw;
        }
        return ElderResource.From(elder, protector, today);
    }

    /// <summary>409 says where the elder is registered when that lies in the user's scope, and only that it exists otherwise.</summary>
    internal static async Task<string?> Duplicate(
        string idNumber, DataScope scope, AppDbContext db, FieldProtector protector, CancellationToken ct, Guid? self = null)
    {
        var index = protector.BlindIndex(idNumber);
        var existing = await db.Elders.AsNoTracking().Where(e => e.IdNumberIndex == index && e.Id != self)
            .Select(e => new { e.Name, e.RegionCode }).FirstOrDefaultAsync(ct);
        if (existing is null) return null;
        if (!scope.Covers(existing.RegionCode)) return "该身份证号已在其他镇街登记，如需转入请联系区民政局。";
        var region = await db.Regions.Where(r => r.Code == existing.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return $"该身份证号已登记：{existing.Name}（{region ?? existing.RegionCode}）。";
    }
}
