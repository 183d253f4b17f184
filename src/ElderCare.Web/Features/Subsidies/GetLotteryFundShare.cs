using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>
/// "福彩公益金 ≥ 80 % 用于养老服务" (三(二)(三)): the district-retained fund of the year, the ledger lines paid from it
/// (approved, batched or paid; reversals netted) and their share of the fund, against the 80 % target.
/// </summary>
public sealed record LotteryFundShare(int Year, long? FundFen, long CommittedFen, long PaidFen, double? Share, double Target, bool? Met,
    string Explanation);

public static class GetLotteryFundShare
{
    public const double Target = 0.8;

    public static async Task<LotteryFundShare> Handle(int year, AppDbContext db, CancellationToken ct)
    {
        var fund = await db.LotteryFundYears.AsNoTracking().FirstOrDefaultAsync(f => f.Year == year, ct);
        var lines = await db.LedgerLines.AsNoTracking()
            .Where(l => l.Year == year && l.FundingSource == FundingSource.LotteryFund && l.Status != LedgerStatus.Claimed
                && l.Status != LedgerStatus.TownReviewed)
            .Select(l => new { l.AmountFen, l.Status }).ToListAsync(ct);
        return Compute(year, fund?.AmountFen, lines.Sum(l => l.AmountFen), lines.Where(l => l.Status == LedgerStatus.Paid).Sum(l => l.AmountFen));
    }

    /// <summary>Share = committed ÷ fund; met when ≥ 80 %; unknown without the fund's amount.</summary>
    public static LotteryFundShare Compute(int year, long? fundFen, long committedFen, long paidFen)
    {
        if (fundFen is not > 0)
            return new(year, fundFen, committedFen, paidFen, null, Target, null, $"{year} 年区级留存福彩公益金金额未录入，无法计算占比。");
        var share = (double)committedFen / fundFen.Value;
        var text = $"{Entitlements.Yuan(committedFen)} ÷ {Entitlements.Yuan(fundFen.Value)} 元 = {share * 100:0.0}%" +
                   (share >= Target ? "，达到“不低于 80%”要求" : "，未达到“不低于 80%”要求");
        return new(year, fundFen, committedFen, paidFen, share, Target, share >= Target, text);
    }
}
