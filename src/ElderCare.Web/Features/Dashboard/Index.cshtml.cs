using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Features.Access;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Dashboard;

public sealed class DashboardModel([FromKeyedServices(ReadReplica.Key)] AppDbContext db, TimeProvider clock, CurrentUser user,
    Alarms.AlarmOptions alarmOptions, Map.MapOptions mapOptions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    public CoverageReport Coverage { get; private set; } = null!;
    /// <summary>A town officer's own street or town (the page is about it alone); null for district-wide roles.</summary>
    public UnitCoverage? Unit { get; private set; }
    public IReadOnlyList<Kpi> KpiList { get; private set; } = [];
    public BuildProgress Progress { get; private set; } = null!;

    /// <summary>Elders registered in scope (today, not as of the chosen date: the registry keeps no history of levels).</summary>
    public ElderCounts? Elders { get; private set; }
    /// <summary>Emergency rescue over the last 12 months: share answered within 60 s and 3 min, by month.</summary>
    public Alarms.AlarmReportResource? AlarmSla { get; private set; }
    /// <summary>家庭养老床位 in force per centre, with this month's planned and verified visits.</summary>
    public IReadOnlyList<FamilyBeds.CentreBeds> FamilyBeds { get; private set; } = [];
    /// <summary>This year's money at each ledger step against the plan (三(二)(三)); null for roles that do not read the ledger.</summary>
    public Subsidies.MoneySummary? Money { get; private set; }
    /// <summary>The database was filled by <c>seed --demo</c> (ADR 22): every figure below is synthetic.</summary>
    public bool IsDemo { get; private set; }
    /// <summary>Seconds the reports replica is behind the primary; null when the figures come from the primary (ADR 32).</summary>
    public double? ReplicaLag { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Roles that do not read coverage start elsewhere (an operator at its facilities, the auditor at the log).
        if (!Roles.Allows(User, Roles.Policies.ReadCoverage)) return Redirect(Roles.Home(User));
        IsDemo = await Data.Seed.DemoSeed.IsDemoAsync(db, ct);
        ReplicaLag = await ReadReplica.LagSecondsAsync(db, ct);
        var coverage = await GetCoverage.Handle(AsOf, null, user.Scope, db, clock, ct);
        if (coverage.Kind == OutcomeKind.Invalid)
        {
            // A bad date is shown next to the field; the page still answers for today.
            ModelState.AddFieldErrors(coverage.Errors!);
            AsOf = null;
            coverage = await GetCoverage.Handle(null, null, user.Scope, db, clock, ct);
        }
        Coverage = coverage.Value!;
        if (user.Scope.Kind == ScopeKind.Unit) Unit = Coverage.Units.FirstOrDefault(u => u.RegionCode == user.Scope.RegionCode);
        var date = FormValues.Text(Coverage.AsOf);
        KpiList = (await GetKpis.Handle(date, null, user.Scope, db, clock, mapOptions, ct)).Value!; // map: the circle's walks
        Progress = (await GetBuildProgress.Handle(date, user.Scope, db, clock, ct)).Value!;
        if (Roles.Allows(User, Roles.Policies.ReadElders)) Elders = (await GetElderStatistics.Handle(user.Scope, db, clock, ct)).Value?.Totals;
        AlarmSla = (await Alarms.AlarmReport.Handle(null, null, user.Scope, db, alarmOptions, clock, ct)).Value;
        FamilyBeds = await ElderCare.Web.Features.FamilyBeds.GetFamilyBedStatistics.Handle(user.Scope, db, clock, ct);
        if (Roles.Allows(User, Roles.Policies.ReadSubsidies)) Money = await Subsidies.GetMoneySummary.Handle(null, user.Scope, db, clock, ct);
        return Page();
    }

    /// <summary>The KPI groups of <see cref="Kpis.Groups"/>, for a town officer only the goals that apply to their unit.</summary>
    public IEnumerable<(string Group, IReadOnlyList<Kpi> Kpis)> KpiGroups() =>
        Kpis.Groups.Select(g => (g.Name, (IReadOnlyList<Kpi>)KpiList
                .Where(k => g.Keys.Contains(k.Key) && (Unit is null || Kpis.AppliesTo(k.Key, Unit.Kind))).ToList()))
            .Where(g => g.Item2.Count > 0);

    /// <summary>The page's title: the district, or the officer's own street or town.</summary>
    public string Title => Unit is null ? "全区养老服务全覆盖概览" : Unit.Name + "养老服务全覆盖概览";

    /// <summary>Which units the figures cover and the policy's deadlines for them (一、工作目标).</summary>
    public string Lead => Unit switch
    {
        null => $"{Coverage.Units.Count(u => u.Kind == RegionKind.Street)}个街道、{Coverage.Units.Count(u => u.Kind == RegionKind.Town)}个镇 · " +
                "目标：2020年底街道和社区全覆盖，2022年底镇和村全覆盖",
        { Kind: RegionKind.Street } => "街道 · 目标：2020年底前街道养老服务中心和社区养老服务站全覆盖",
        _ => "镇 · 目标：2022年底前镇养老服务中心和村级互助养老点全覆盖",
    };

    public string ProgressChartJson() => JsonSerializer.Serialize(new
    {
        // The last bar is the date asked about, not a year's end: its label says so.
        years = Progress.Years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年" +
            (y.Year == Progress.AsOf.Year ? $"（截至{Progress.AsOf.Month}月{Progress.AsOf.Day}日）" : "")),
        series = new object[]
        {
            new { name = "规划累计（现有+拟建）", kind = "planned", data = Progress.Years.Select(y => (int?)y.PlannedTotal) },
            new { name = "已建成（运营中）", kind = "operating", data = Progress.Years.Select(y => y.OperatingTotal) },
        },
    });

    public string AlarmChartJson() => JsonSerializer.Serialize(new
    {
        months = AlarmSla?.ByMonth.Select(m => m.Name) ?? [],
        within60s = AlarmSla?.ByMonth.Select(m => m.Figures.AcknowledgedWithin60sShare is { } v ? Math.Round(v * 100, 1) : (double?)null) ?? [],
        within3min = AlarmSla?.ByMonth.Select(m => m.Figures.AcknowledgedWithin3MinShare is { } v ? Math.Round(v * 100, 1) : (double?)null) ?? [],
        alarms = AlarmSla?.ByMonth.Select(m => m.Figures.Alarms) ?? [],
    });
}
