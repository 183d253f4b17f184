using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>The payment batches, newest first (district only).</summary>
public static class ListPaymentBatches
{
    public static async Task<IReadOnlyList<PaymentBatchResource>> Handle(AppDbContext db, CancellationToken ct) =>
        (await db.PaymentBatches.AsNoTracking().OrderByDescending(b => b.Number).Take(200).ToListAsync(ct))
        .Select(PaymentBatchResource.From).ToList();
}
