using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>What a generation pass did.</summary>
public sealed record GapTaskCounts(int Added, int Reopened, int Closed, int Gaps);

/// <summary>
/// Generates the task list from the gaps the platform sees (三(一): 任务书; idempotent, <see cref="GapTasks"/>): each street
/// or town short of operating, up-to-standard facilities of a type (一、工作目标: coverage) gets a 建设站点 task; each
/// required 附件1 rule an operating facility fails gets a 整改问题 task; each plan row still to confirm (附件2/3, ADR 23) a
/// 确认规划 task. Running it again adds nothing new; tasks whose gap is gone are closed, and reopened if it comes back.
/// Over the whole district (the district's act).
/// </summary>
public static class RaiseGapTasks
{
    public static async Task<GapTaskCounts> Handle(string userName, AppDbContext db, TaskOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var gaps = await Gaps(db, clock, ct);
        var existing = await db.DutyTasks.AsNoTracking().Where(t => t.SourceKey != null)
            .Select(t => new GeneratedTaskState(t.SourceKey!, t.Source, t.Status, t.GapClosedAt != null)).ToListAsync(ct);
        var decision = GapTasks.Decide(gaps, existing, new HashSet<DutyTaskSource>
            { DutyTaskSource.Coverage, DutyTaskSource.Compliance, DutyTaskSource.Plan });
        var now = clock.UtcNow();
        var dueOn = clock.Today().AddDays(options.GeneratedDueDays);
        foreach (var g in decision.Add)
            db.DutyTasks.Add(new DutyTask
            {
                UnitCode = g.UnitCode, RegionCode = g.RegionCode, FacilityId = g.FacilityId, Title = g.Title, Kind = g.Kind,
                Description = g.Description, DueOn = dueOn, Status = DutyTaskStatus.Open, Source = g.Source, SourceKey = g.Key,
                CreatedBy = userName, CreatedAt = now, UpdatedAt = now,
            });
        var changing = decision.Reopen.Concat(decision.Close).ToList();
        var tracked = await db.DutyTasks.Where(t => t.SourceKey != null && changing.Contains(t.SourceKey)).ToListAsync(ct);
        foreach (var t in tracked)
        {
            var reopen = decision.Reopen.Contains(t.SourceKey!);
            t.Status = reopen ? DutyTaskStatus.Open : DutyTaskStatus.Done;
            t.GapClosedAt = reopen ? null : now;
            t.StatusNote = reopen ? "差距再次出现，系统重新打开" : GapTasks.ClosedNote;
            t.UpdatedAt = now;
            t.Version++;
        }
        await db.SaveChangesAsync(ct);
        return new GapTaskCounts(decision.Add.Count, decision.Reopen.Count, decision.Close.Count, gaps.Count);
    }

    /// <summary>The gaps of today: coverage (operating short), failed required 附件1 rules, plan rows to confirm.</summary>
    internal static async Task<List<GapTask>> Gaps(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var gaps = new List<GapTask>();
        var coverage = (await GetCoverage.Handle(null, null, DataScope.District, db, clock, ct)).Value!;
        foreach (var u in coverage.Units)
            foreach (var g in u.Gaps.Where(g => g.Kind == "operating"))
                gaps.Add(new GapTask($"coverage:{u.RegionCode}:{EnumText.Of(g.Type)}", DutyTaskSource.Coverage, DutyTaskKind.BuildStation,
                    u.RegionCode, u.RegionCode, null, Cap($"{u.Name}：建设{Labels.Of(g.Type)}（缺{g.Missing}个）"), g.Message));

        var today = clock.Today();
        var standards = await db.ConstructionStandards.AsNoTracking().ToListAsync(ct);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.Status == FacilityStatus.Operating).ToListAsync(ct);
        foreach (var f in facilities)
            foreach (var finding in Compliance.Check(f, ConstructionStandard.EffectiveOn(standards, f.Type, today)).Findings
                         .Where(x => x.Severity == Severity.Required && !x.Passed))
                gaps.Add(new GapTask($"compliance:{f.Id}:{finding.Rule}", DutyTaskSource.Compliance, DutyTaskKind.FixFinding, f.UnitCode,
                    f.RegionCode, f.Id, Cap($"{f.Name}：整改（附件1）{finding.Message}"), finding.Message));

        var names = await db.Regions.AsNoTracking().Units().ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var plan = await db.PlanLines.AsNoTracking().Where(p => p.ToConfirm).Select(p => new { p.UnitCode, p.Type, p.Note }).ToListAsync(ct);
        foreach (var p in plan)
            gaps.Add(new GapTask($"plan:{p.UnitCode}:{EnumText.Of(p.Type)}", DutyTaskSource.Plan, DutyTaskKind.ConfirmPlan, p.UnitCode,
                p.UnitCode, null, Cap($"{names.GetValueOrDefault(p.UnitCode, p.UnitCode)}：确认{Labels.Of(p.Type)}规划行（待确认）"),
                p.Note ?? "规划行待区级确认（附件2、附件3原表数字可能串格）"));
        return gaps;
    }

    private static string Cap(string s) => s.Length <= 200 ? s : s[..199] + "…";
}
