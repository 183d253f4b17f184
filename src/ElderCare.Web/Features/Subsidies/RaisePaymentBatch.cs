using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// 支付批次: the district gathers approved lines of one funding source (the listed ones, or all approved of that source)
/// into a numbered batch. A line already batched or paid cannot join another batch.
/// </summary>
public static class RaisePaymentBatch
{
    public sealed record Input(FundingSource? FundingSource, List<Guid>? LineIds);

    public static async Task<Outcome<PaymentBatchResource>> Handle(Input input, CurrentUser user, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (input.FundingSource is not { } source || !Enum.IsDefined(source))
            return Outcome<PaymentBatchResource>.Invalid("fundingSource", "请选择资金来源（福彩公益金、区级财政或市级奖补）。");
        var ids = input.LineIds?.Distinct().ToList();
        var query = db.LedgerLines.Where(l => l.FundingSource == source);
        var lines = ids is { Count: > 0 }
            ? await query.Where(l => ids.Contains(l.Id)).ToListAsync(ct)
            : await query.Where(l => l.Status == LedgerStatus.Approved).ToListAsync(ct);
        if (ids is { Count: > 0 } && ids.FirstOrDefault(id => lines.All(l => l.Id != id)) is var missing && missing != Guid.Empty)
            return Outcome<PaymentBatchResource>.NotFound($"未找到资金来源为“{SubsidyLabels.Of(source)}”的账目 {missing}。");
        if (lines.FirstOrDefault(l => l.Status != LedgerStatus.Approved) is { } wrong)
            return Outcome<PaymentBatchResource>.Conflict(wrong.Status is LedgerStatus.Batched or LedgerStatus.Paid
                ? $"账目“{wrong.Explanation}”已{SubsidyLabels.Of(wrong.Status)[1..]}，不能重复支付。"
                : $"账目“{wrong.Explanation}”尚未经区审批，不能入批次。");
        if (lines.Count == 0) return Outcome<PaymentBatchResource>.Conflict($"没有资金来源为“{SubsidyLabels.Of(source)}”的已审批账目。");
        var now = clock.UtcNow();
        var year = clock.Today().Year;
        var prefix = $"ZF-{year}-";
        var serial = await db.PaymentBatches.CountAsync(b => b.Number.StartsWith(prefix), ct) + 1;
        var batch = new PaymentBatch
        {
            Number = $"{prefix}{serial:0000}", FundingSource = source, TotalFen = lines.Sum(l => l.AmountFen), LineCount = lines.Count,
            CreatedBy = user.UserName ?? "", CreatedAt = now,
        };
        db.PaymentBatches.Add(batch);
        foreach (var l in lines)
        {
            l.Status = LedgerStatus.Batched;
            l.BatchId = batch.Id;
            l.Version++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<PaymentBatchResource>.Conflict("账目已被他人入批次，或批次号冲突，请刷新后重试。");
        }
        return PaymentBatchResource.From(batch);
    }
}
