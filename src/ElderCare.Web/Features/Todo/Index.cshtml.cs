using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Todo;

/// <summary>The to-do centre: the user's work from every feature, grouped by kind, each item linking to where it is done.</summary>
[Authorize(Policy = Roles.Policies.ReadTodo)]
public sealed class TodoModel(AppDbContext db, CurrentUser user, IEnumerable<ITodoSource> sources, TimeProvider clock) : PageModel
{
    public TodoList List { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => List = await GetTodos.Handle(user, null, sources, db, clock, ct);
}
