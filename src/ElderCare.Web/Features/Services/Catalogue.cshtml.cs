using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Services;

[Authorize(Policy = Roles.Policies.ReadServices)]
public sealed class CatalogueModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ServiceItemResource> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await ServiceCatalogue.List(null, false, db, clock, ct);
}
