using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Features.Access;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Dashboard;

public sealed class DashboardModel(AppDbContext db, TimeProvider clock, CurrentUser user, Alarms.AlarmOptions alarmOptions) : PageModel
{
    /// <summary>KPIs shown in the first row: the coverage goals of 一、工作目标.</summary>
    public static readonly string[] CoverageKpis =
        [Kpis.StreetCenterCoverage, Kpis.CommunityStationCoverage, Kpis.TownCenterCoverage, Kpis.VillagePointCoverage];

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    public CoverageReport Coverage { get; private set; } = null!;
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Roles that do not read coverage start elsewhere (an operator at its facilities, the auditor at the log).
        if (!Roles.Allows(User, Roles.Policies.ReadCoverage)) return Redirect(Roles.Home(User));
        IsDemo = await Data.Seed.DemoSeed.IsDemoAsync(db, ct);
        var coverage = await GetCoverage.Handle(AsOf, null, user.Scope, db, clock, ct);
        if (coverage.Kind == OutcomeKind.Invalid)
        {
            // A bad date is shown next to the field; the page still answers for today.
            ModelState.AddFieldErrors(coverage.Errors!);
            AsOf = null;
            coverage = await GetCoverage.Handle(null, null, user.Scope, db, clock, ct);
        }
        Coverage = coverage.Value!;
        var date = FormValues.Text(Coverage.AsOf);
        KpiList = (await GetKpis.Handle(date, user.Scope, db, clock, ct)).Value!;
        Progress = (await GetBuildProgress.Handle(date, user.Scope, db, clock, ct)).Value!;
        if (Roles.Allows(User, Roles.Policies.ReadElders)) Elders = (await GetElderStatistics.Handle(user.Scope, db, clock, ct)).Value?.Totals;
        AlarmSla = (await Alarms.AlarmReport.Handle(null, null, user.Scope, db, alarmOptions, clock, ct)).Value;
        FamilyBeds = await ElderCare.Web.Features.FamilyBeds.GetFamilyBedStatistics.Handle(user.Scope, db, clock, ct);
        if (Roles.Allows(User, Roles.Policies.ReadSubsidies)) Money = await Subsidies.GetMoneySummary.Handle(null, user.Scope, db, clock, ct);
        return Page();
    }

    /// <summary>Coverage goals first (一、工作目标), then operation and medical care (二(三)、二(五)).</summary>
    public IEnumerable<(string Group, IReadOnlyList<Kpi> Kpis)> KpiGroups()
    {
        yield return ("覆盖目标", KpiList.Where(k => CoverageKpis.Contains(k.Key)).ToList());
        yield return ("运营与医养结合目标", KpiList.Where(k => !CoverageKpis.Contains(k.Key)).ToList());
    }

    public string ProgressChartJson() => JsonSerializer.Serialize(new
    {
        years = Progress.Years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "年"),
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
