using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public static class UnmaskElder
{
    public sealed record Input(string? Field, string? Reason);

    public sealed record Unmasked(string Field, string? Value);

    /// <summary>QUALITY.md S6: the full ID number or phone needs the unmask permission and a reason; it is audited.</summary>
    public static async Task<Outcome<Unmasked>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, FieldProtector protector,
        AuditLog audit, CancellationToken ct)
    {
        if (!user.CanUnmask) return Outcome<Unmasked>.Forbidden(Masking.NoPermission);
        var errors = new FieldErrors();
        input = input with { Reason = errors.Text(input.Reason, "reason", "查看理由", 200) };
        errors.AddIf(input.Field is not ("idNumber" or "phone"), "field", "可查看的字段：idNumber（身份证号）、phone（电话）。");
        if (Masking.ReasonProblem(input.Reason) is { } problem) errors.Add("reason", problem);
        if (errors.Any) return Outcome<Unmasked>.Invalid(errors);
        var reason = input.Reason!.Trim();
        var elder = await db.Elders.AsNoTracking().InScope(user.Scope, db).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (elder is null) return Outcome<Unmasked>.NotFound("未找到该老年人。");
        await audit.AppendAsync(new(user.Id, user.UserName, "data.unmask", $"elder/{id}/{input.Field}", AuditOutcome.Success, user.Address, reason));
        return new Unmasked(input.Field!, protector.Unprotect(input.Field == "idNumber" ? elder.IdNumberProtected : elder.PhoneProtected));
    }
}
