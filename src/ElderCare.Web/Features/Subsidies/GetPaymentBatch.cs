using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>A payment batch (district only).</summary>
public static class GetPaymentBatch
{
    public static async Task<Outcome<PaymentBatchResource>> Handle(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.PaymentBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } b
            ? PaymentBatchResource.From(b)
            : Outcome<PaymentBatchResource>.NotFound("未找到该支付批次。");
}
