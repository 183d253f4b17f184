using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Supervision;

/// <summary>
/// Monthly supervision (三(一)): the rounds (the district opens one), the inspections and the findings in scope, filtered by
/// street or town, severity and overdue, with the Excel export of the findings.
/// </summary>
[Authorize(Policy = Roles.Policies.ReadSupervision)]
public sealed class SupervisionIndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : OutcomePageModel
{
    [BindProperty(SupportsGet = true, Name = "unitCode")] public string? UnitCode { get; set; }
    [BindProperty(SupportsGet = true, Name = "severity")] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true, Name = "overdue")] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "roundId")] public Guid? RoundId { get; set; }

    [BindProperty(Name = "year")] public int? Year { get; set; }
    [BindProperty(Name = "month")] public int? Month { get; set; }
    [BindProperty(Name = "conductor")] public string? Conductor { get; set; }
    [BindProperty(Name = "organisation")] public string? Organisation { get; set; }
    [BindProperty(Name = "source")] public string? Source { get; set; }

    /// <summary>The checklists by year, newest first: the first is in force for new rounds of this year.</summary>
    public IReadOnlyList<ChecklistResource> Checklists { get; private set; } = [];

    public IReadOnlyList<SupervisionRoundResource> Rounds { get; private set; } = [];
    public IReadOnlyList<RegionResource> Units { get; private set; } = [];
    public Paged<InspectionResource> Inspections { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);
    public Paged<FindingResource> Findings { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public bool CanOpen => Roles.Allows(User, Roles.Policies.ManageSupervision);
    public bool CanInspect => Roles.Allows(User, Roles.Policies.InspectFacilities);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        (Year, Month) = (today.Year, today.Month);
        await Load(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (!CanOpen) return Forbid();
        var errors = new FieldErrors();
        var conductor = EnumText.Optional<RoundConductor>(Conductor, "conductor", errors);
        if (!errors.Any)
        {
            var input = new OpenSupervisionRound.Input(Year, Month, conductor, Organisation);
            var outcome = await OpenSupervisionRound.Handle(input, user, db, clock, ct);
            if (Show(outcome, r => RedirectWithFlash("/supervision", $"已开启督导批次：{r.Name}。")) is { } shown) return shown;
        }
        else ModelState.AddFieldErrors(errors);
        return await AgainAsync(() => Load(ct));
    }

    /// <summary>The district confirms a seeded checklist and its deadline table (ADR 0023).</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid checklistId, CancellationToken ct)
    {
        if (!CanOpen) return Forbid();
        var outcome = await ConfirmChecklist.Handle(checklistId, new ConfirmChecklist.Input(Source), user, db, clock, ct);
        return Show(outcome, c => RedirectWithFlash("/supervision", $"已确认督导检查表：{c.Name}。")) ?? await AgainAsync(() => Load(ct));
    }

    public string FindingsUrl(int page) => FormattableString.Invariant(
        $"/supervision?unitCode={UnitCode}&severity={Severity}&status={Status}&overdue={(Overdue ? "true" : "false")}&roundId={RoundId}&page={page}");

    public string ExportUrl => FormattableString.Invariant(
        $"/api/supervision/findings/export.xlsx?unitCode={UnitCode}&severity={Severity}&status={Status}&roundId={RoundId}")
        + (Overdue ? "&overdue=true" : "");

    public Pager FindingsPager() => new(Findings.Page, Findings.PageCount, Findings.Total, FindingsUrl);

    public Pager InspectionsPager() => new(Inspections.Page, Inspections.PageCount, Inspections.Total, p => FormattableString.Invariant(
        $"/supervision?unitCode={UnitCode}&roundId={RoundId}&inspections={p}"));

    private async Task Load(CancellationToken ct)
    {
        Rounds = await ListSupervisionRounds.Handle(null, db, ct);
        Checklists = await ListChecklists.Handle(db, ct);
        Units = (await ListRegions.Handle(null, user.Scope, db, ct)).Where(r => Region.IsUnit(r.Kind)).ToList();
        var unit = string.IsNullOrWhiteSpace(UnitCode) ? null : UnitCode;
        var inspectionsPage = int.TryParse(Request.Query["inspections"], out var ip) && ip > 0 ? ip : 1;
        var inspectionQuery = new ListInspections.Query
        {
            RoundId = RoundId, UnitCode = unit, Page = inspectionsPage, PageSize = PageRequest.DefaultPageSize,
        };
        var inspections = await ListInspections.Handle(inspectionQuery, user.Scope, db, ct);
        if (inspections.IsOk) Inspections = inspections.Value!;
        var query = new ListFindings.Query
        {
            UnitCode = unit, RoundId = RoundId, Severity = Severity, Status = string.IsNullOrWhiteSpace(Status) ? null : Status,
            Open = string.IsNullOrWhiteSpace(Status) ? true : null, Overdue = Overdue ? true : null,
            Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize,
        };
        var findings = await ListFindings.Handle(query, user.Scope, db, clock, ct);
        if (findings.IsOk) Findings = findings.Value!;
        else ModelState.AddFieldErrors(findings.Errors!);
    }
}
