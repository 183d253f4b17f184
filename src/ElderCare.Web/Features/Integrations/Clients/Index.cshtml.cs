using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ElderCare.Web.Features.Integrations.Clients;

/// <summary>The integration accounts, newest first, a page at a time (ADR 29).</summary>
[Authorize(Policy = Roles.Policies.ManageIntegrations)]
public sealed class ApiClientListModel(AppDbContext db, IntegrationOptions options, TimeProvider clock) : OutcomePageModel
{

    public Paged<ApiClientResource> Clients { get; private set; } = new([], 1, PageRequest.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        Show(await ListApiClients.Handle(new() { Page = Paging.PageNumber(Request) }, db, options, clock, ct), page =>
        {
            Clients = page;
            return Page();
        }) ?? Page();

    public Pager ListPager() => new(Clients.Page, Clients.PageCount, Clients.Total, p => $"/integrations/clients?page={p}");
}
