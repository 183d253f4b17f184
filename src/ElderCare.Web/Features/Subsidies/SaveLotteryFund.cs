using ElderCare.Web.Data;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

/// <summary>Records (or corrects) the district-retained welfare-lottery fund of a year.</summary>
public static class SaveLotteryFund
{
    public sealed record Input(long? AmountFen, string? Source);

    public static async Task<Outcome<LotteryFundShare>> Handle(int year, Input input, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.AddIf(year < 2020 || year > Infrastructure.Web.ChinaClock.Today(clock).Year + 1, "year", "年度超出范围。");
        errors.AddIf(input.AmountFen is not > 0, "amountFen", "请填写区级留存福彩公益金金额（分，大于 0）。");
        var source = errors.Text(input.Source, "source", "依据", 200)?.Trim();
        errors.AddIf(!errors.Any && string.IsNullOrEmpty(source), "source", "请填写金额依据，例如资金下达文件文号。");
        if (errors.Any) return Outcome<LotteryFundShare>.Invalid(errors);
        var row = await db.LotteryFundYears.FirstOrDefaultAsync(f => f.Year == year, ct);
        if (row is null) db.LotteryFundYears.Add(new LotteryFundYear { Year = year, AmountFen = input.AmountFen!.Value, Source = source! });
        else (row.AmountFen, row.Source) = (input.AmountFen!.Value, source!);
        await db.SaveChangesAsync(ct);
        return await GetLotteryFundShare.Handle(year, db, ct);
    }
}
