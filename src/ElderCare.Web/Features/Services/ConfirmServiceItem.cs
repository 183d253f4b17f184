using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// The district confirms one version's price and allowance as its own (ADR 0023): the 待确认 mark goes, the source
/// (a document number or a reason) and the user are kept; the request is audited like every write.
/// </summary>
public static class ConfirmServiceItem
{
    public sealed record Input(string? Source);

    public static async Task<Outcome<ServiceItemResource>> Handle(Guid id, Input input, CurrentUser user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var source = errors.Text(input.Source, "source", "确认依据", FreeText.LongName);
        if (!errors.Any && string.IsNullOrWhiteSpace(source)) errors.Add("source", "请填写确认依据，例如文件文号或“区民政局核定”。");
        if (errors.Any) return Outcome<ServiceItemResource>.Invalid(errors);
        var item = await db.ServiceItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return Outcome<ServiceItemResource>.NotFound("找不到该服务项目。");
        if (item.Confirmed) return Outcome<ServiceItemResource>.Conflict($"该项目的价格与额度已于 {Display.Date(DateOnly.FromDateTime(item.ConfirmedAt!.Value))} 由 {item.ConfirmedBy} 确认。");
        item.Source = source!.Trim();
        item.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        item.ConfirmedBy = user.UserName;
        item.Version++;
        await db.SaveChangesAsync(ct);
        return ServiceItemResource.From(item);
    }
}
