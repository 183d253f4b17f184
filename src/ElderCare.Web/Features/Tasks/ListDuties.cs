using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>A duty line as shown (责任清单).</summary>
public sealed record DutyResource(int Id, string Party, Role Role, string RoleName, string? UnitCode, string Duty, string Clause);

/// <summary>One responsible person of a unit's open tasks: how many, how many overdue.</summary>
public sealed record ResponsibleLoad(string Name, string? Post, int Open, int Overdue);

/// <summary>The duty list of a unit: the district's and the unit's lines, the escalation levels, who holds the unit's open tasks.</summary>
public sealed record DutyList(string? UnitCode, string? UnitName, IReadOnlyList<DutyResource> Duties, IReadOnlyList<EscalationLevel> Levels,
    IReadOnlyList<ResponsibleLoad> Responsible);

/// <summary>
/// The duty list (责任清单, 三(一): 履职照单免责、失职照单问责) for a street or town in scope: the lines for every unit and the
/// unit's own, by role; the escalation levels of overdue tasks; and the unit's responsible persons with their open and
/// overdue tasks. A town officer sees its own unit; a unit out of scope is not found.
/// </summary>
public static class ListDuties
{
    public static async Task<Outcome<DutyList>> Handle(string? unitCode, DataScope scope, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(unitCode) ? scope.Kind == ScopeKind.Unit ? scope.RegionCode : null : unitCode.Trim();
        string? name = null;
        if (code is not null)
        {
            if (scope.RegionPrefix is null || !scope.Covers(code)) return Outcome<DutyList>.NotFound("未找到该镇街，或不在您的管辖范围内。");
            name = await db.Regions.AsNoTracking().Units().Where(r => r.Code == code)
                .Select(r => r.Name).FirstOrDefaultAsync(ct);
            if (name is null) return Outcome<DutyList>.NotFound("未找到该镇街，或不在您的管辖范围内。");
        }
        var duties = (await db.DutyEntries.AsNoTracking().Where(d => d.UnitCode == null || d.UnitCode == code).OrderBy(d => d.Order)
                .ThenBy(d => d.Id).ToListAsync(ct))
            .Select(d => new DutyResource(d.Id, d.Party, d.Role, Roles.Of(d.Role), d.UnitCode, d.Duty, d.Clause)).ToList();
        var levels = await db.EscalationLevels.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);
        var today = clock.Today();
        var load = code is null
            ? []
            : (await db.DutyTasks.AsNoTracking().InScope(scope)
                    .Where(t => t.UnitCode == code && (t.Status == DutyTaskStatus.Open || t.Status == DutyTaskStatus.InProgress))
                    .Select(t => new { t.ResponsibleName, t.ResponsiblePost, t.DueOn }).ToListAsync(ct))
                .GroupBy(t => (t.ResponsibleName ?? "（未指定责任人）", t.ResponsiblePost))
                .Select(g => new ResponsibleLoad(g.Key.Item1, g.Key.ResponsiblePost, g.Count(), g.Count(t => t.DueOn < today)))
                .OrderByDescending(r => r.Overdue).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new DutyList(code, name, duties, levels, load);
    }
}
