using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Subsidies;

internal static class LedgerSteps
{
    /// <summary>Moves the listed lines one status forward; all or none. A line out of scope is 404, a line in another status 409.</summary>
    public static async Task<Outcome<IReadOnlyList<LedgerLineResource>>> Move(LineSelection input, DataScope scope, AppDbContext db,
        LedgerStatus from,
        LedgerStatus to, string step, Action<LedgerLine> stamp, CancellationToken ct)
    {
        var ids = (input.LineIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 500) return Outcome<IReadOnlyList<LedgerLineResource>>.Invalid("lineIds", "请选择 1 至 500 条账目。");
        var lines = await db.LedgerLines.InScope(scope).Where(l => ids.Contains(l.Id)).ToListAsync(ct);
        if (ids.FirstOrDefault(id => lines.All(l => l.Id != id)) is var missing && missing != Guid.Empty)
            return Outcome<IReadOnlyList<LedgerLineResource>>.NotFound($"未找到账目 {missing}，或不在您的管辖范围内。");
        if (lines.FirstOrDefault(l => l.Status != from) is { } wrong)
            return Outcome<IReadOnlyList<LedgerLineResource>>.Conflict(
                $"账目“{wrong.Explanation}”当前为“{SubsidyLabels.Of(wrong.Status)}”，只有“{SubsidyLabels.Of(from)}”的账目可以{step}。");
        foreach (var l in lines)
        {
            l.Status = to;
            l.Version++;
            stamp(l);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<IReadOnlyList<LedgerLineResource>>.Conflict($"账目已被他人处理，请刷新后重试{step}。");
        }
        return Outcome<IReadOnlyList<LedgerLineResource>>.Ok(await LedgerQueries.Resources(lines, db, ct));
    }
}
