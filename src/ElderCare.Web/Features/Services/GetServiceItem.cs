using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>One version of a catalogue item (the catalogue is district-wide, so there is no scope to apply).</summary>
public static class GetServiceItem
{
    public static async Task<Outcome<ServiceItemResource>> Handle(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.ServiceItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } item
            ? ServiceItemResource.From(item) : Outcome<ServiceItemResource>.NotFound("找不到该服务项目。");
}
