using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The district confirms one version's price and allowance as its own (ADR 0023): the 待确认 mark goes, the source
/// (a document number or a reason) and the user are kept; the request is audited like every write.
/// </summary>
public static class ConfirmServiceItem
{
    public sealed record Input(string? Source);

    public static Task<Outcome<ServiceItemResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        Placeholders.Confirm(input.Source, user, clock, db, () => db.ServiceItems.FirstOrDefaultAsync(i => i.Id == id, ct),
            "找不到该服务项目。", "该项目的价格与额度", ServiceItemResource.From, ct, item => item.Version++);
}
