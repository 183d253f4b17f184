using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

public static class GetElder
{
    public static async Task<Outcome<ElderResource>> Handle(
        Guid id, DataScope scope, AppDbContext db, FieldProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var elder = await db.Elders.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(e => e.Id == id, ct);
        return elder is null ? Outcome<ElderResource>.NotFound("未找到该老年人。") : ElderResource.From(elder, protector, clock.Today());
    }

    /// <summary>The body of POST /api/elders/lookup (the number never travels in a URL).</summary>
    public sealed record LookupInput(string? IdNumber);

    /// <summary>Exact lookup by ID number through the blind index (the number itself is never queried).</summary>
    public static async Task<Outcome<ElderResource>> ByIdNumber(string? idNumber, DataScope scope, AppDbContext db, FieldProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var parsed = IdNumber.Parse(idNumber, clock.Today());
        if (!parsed.IsValid) return Outcome<ElderResource>.Invalid("idNumber", parsed.Error!);
        var index = protector.BlindIndex(parsed.Number);
        var elder = await db.Elders.AsNoTracking().InScope(scope, db).FirstOrDefaultAsync(e => e.IdNumberIndex == index, ct);
        return elder is null ? Outcome<ElderResource>.NotFound("未找到该身份证号的老年人。") : ElderResource.From(elder, protector, clock.Today());
    }
}
