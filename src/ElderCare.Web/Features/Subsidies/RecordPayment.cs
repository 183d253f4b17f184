using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// 支付: records the voucher number and date of a batch; every line in it becomes 已支付. A paid batch (and so a paid
/// line) can never be paid again.
/// </summary>
public static class RecordPayment
{
    public sealed record Input(string? VoucherNumber, DateOnly? PaidOn);

    public static async Task<Outcome<PaymentBatchResource>> Handle(Guid batchId, Input input, CurrentUser user, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var batch = await db.PaymentBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return Outcome<PaymentBatchResource>.NotFound("未找到该支付批次。");
        if (batch.Status == BatchStatus.Paid)
            return Outcome<PaymentBatchResource>.Conflict(
                $"批次 {batch.Number} 已于 {Shared.Display.Date(batch.PaidOn)} 支付（凭证号 {batch.VoucherNumber}），不能重复支付。");
        var errors = new FieldErrors();
        var voucher = errors.Text(input.VoucherNumber, "voucherNumber", "凭证号", 50)?.Trim();
        errors.AddIf(!errors.Any && string.IsNullOrEmpty(voucher), "voucherNumber", "请填写支付凭证号。");
        errors.AddIf(input.PaidOn is null, "paidOn", "请填写支付日期。");
        errors.AddIf(input.PaidOn > clock.Today(), "paidOn", "支付日期不能晚于今天。");
        if (errors.Any) return Outcome<PaymentBatchResource>.Invalid(errors);
        var lines = await db.LedgerLines.Where(l => l.BatchId == batch.Id).ToListAsync(ct);
        if (lines.FirstOrDefault(l => l.Status != LedgerStatus.Batched) is { } paid)
            return Outcome<PaymentBatchResource>.Conflict($"账目“{paid.Explanation}”已支付，不能重复支付。");
        foreach (var l in lines)
        {
            l.Status = LedgerStatus.Paid;
            l.Version++;
        }
        batch.Status = BatchStatus.Paid;
        batch.VoucherNumber = voucher;
        batch.PaidOn = input.PaidOn;
        batch.PaidBy = user.UserName;
        batch.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PaymentBatchResource>.Conflict($"批次 {batch.Number} 已被他人登记支付，不能重复支付。");
        }
        return PaymentBatchResource.From(batch);
    }
}
