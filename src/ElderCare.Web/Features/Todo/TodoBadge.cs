using System.Globalization;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace ElderCare.Web.Features.Todo;

/// <summary>
/// The header's to-do badge (<c>@await Component.InvokeAsync("TodoBadge")</c> in the layout): a link to /todo with the
/// count of <see cref="CountTodos"/>: <c>&lt;a id="todo-badge" class="todo-badge" href="/todo"&gt;待办
/// &lt;span class="todo-badge__count" data-count="3"&gt;3&lt;/span&gt;&lt;/a&gt;</c>. Nothing for a user without a role.
/// </summary>
[ViewComponent(Name = "TodoBadge")]
public sealed class TodoBadge(CurrentUser user, IEnumerable<ITodoSource> sources, AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (TodoUser.Of(user) is null) return new HtmlContentViewComponentResult(HtmlString.Empty);
        var count = await CountTodos.Handle(user, sources, db, clock, HttpContext.RequestAborted);
        return new HtmlContentViewComponentResult(new HtmlString(Html(count)));
    }

    public static string Html(int count)
    {
        var n = count.ToString(CultureInfo.InvariantCulture);
        var tone = count > 0 ? " todo-badge--due" : "";
        return $"<a id=\"todo-badge\" class=\"todo-badge{tone}\" href=\"/todo\" aria-label=\"待办事项 {n} 项\">待办 " +
               $"<span class=\"todo-badge__count\" data-count=\"{n}\">{n}</span></a>";
    }
}
