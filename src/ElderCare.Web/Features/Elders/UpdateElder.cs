using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public static class UpdateElder
{
    /// <summary>Replaces the elder's data; optimistic concurrency on <c>version</c> (409 when stale).</summary>
    public static async Task<Outcome<ElderResource>> Handle(Guid id, ElderInput input, CurrentUser user, AppDbContext db, FieldProtector protector,
        ElderOptions options, TimeProvider clock, CancellationToken ct)
    {
        var elder = await db.Elders.InScope(user.Scope, db).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (elder is null) return Outcome<ElderResource>.NotFound("未找到该老年人。");
        var today = clock.Today();
        // Absent personal data is kept (clients see it masked): no ID number, phone or contacts in the body means
        // "unchanged"; an empty phone removes it.
        input = input with
        {
            IdNumber = input.IdNumber ?? protector.Unprotect(elder.IdNumberProtected),
            Phone = input.Phone ?? protector.Unprotect(elder.PhoneProtected),
            EmergencyContacts = input.EmergencyContacts ?? elder.EmergencyContacts
                .Select(c => new ContactInput(c.Name, c.Relation, protector.Unprotect(c.PhoneProtected))).ToList(),
        };
        var text = new FieldErrors();
        input = ElderValidation.CleanText(input, text);
        if (text.Any) return Outcome<ElderResource>.Invalid(text);
        var (errors, parsed) = await ElderValidation.ValidateAsync(input, user.Scope, db, options, today, ct);
        errors.AddIf(input.Version is null, "version", "请提供读取时的版本号 version。");
        if (errors.Any) return Outcome<ElderResource>.Invalid(errors);
        if (input.Version != elder.Version) return Outcome<ElderResource>.Conflict($"该记录已被他人修改（当前版本 {elder.Version}），请刷新后重试。");
        if (await RegisterElder.Duplicate(parsed!.IdNumber, user.Scope, db, protector, ct, id) is { } message)
            return Outcome<ElderResource>.Conflict(message);

        ElderValidation.ApplyTo(input, parsed, elder, protector, user.UserName ?? "", today);
        if (input.Status is { } status && status != elder.Status)
        {
            elder.Status = status;
            elder.StatusOn = input.StatusOn ?? today;
        }
        elder.Version++;
        elder.UpdatedAt = clock.UtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ElderResource>.Conflict("该记录刚被他人修改，请刷新后重试。");
        }
        return ElderResource.From(elder, protector, today);
    }
}
