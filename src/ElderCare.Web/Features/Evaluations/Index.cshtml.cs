using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Evaluations;

/// <summary>The evaluation sheets in scope (三(二)(三)): an evaluator's assignments, an operator's own facilities (grades and
/// objections), a town's unit, the district's all.</summary>
[Authorize(Policy = Roles.Policies.ReadEvaluations)]
public sealed class EvaluationListModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "roundId")] public Guid? RoundId { get; set; }

    public Paged<EvaluationResource> Sheets { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await ListEvaluations.Handle(new ListEvaluations.Query { Year = Year, RoundId = RoundId, Status = Status,
            Page = Paging.PageNumber(Request), PageSize = PageRequest.DefaultPageSize }, user, db, ct);
        if (outcome.IsOk) Sheets = outcome.Value!;
        else ModelState.AddFieldErrors(outcome.Errors!);
    }

    public Pager ListPager() => new(Sheets.Page, Sheets.PageCount, Sheets.Total, UrlFor);

    private string UrlFor(int page) => FormattableString.Invariant($"/evaluations?year={Year}&status={Status}&roundId={RoundId}&page={page}");
}
