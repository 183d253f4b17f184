using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;

namespace ElderCare.Web.Features.Todo;

/// <summary>The to-do count of a user.</summary>
public sealed record TodoCount(int Count);

public static class TodoApi
{
    public static RouteGroupBuilder MapTodoApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/todo").WithTags("待办中心").RequireAuthorization(Roles.Policies.ReadTodo);
        g.MapGet("/", async (int? take, CurrentUser user, IEnumerable<ITodoSource> sources, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                TypedResults.Ok(await GetTodos.Handle(user, take, sources, db, clock, ct)))
            .WithSummary("本人的待办事项，按类型分组（每组前 take 项，默认 20，最多 100），每项附办理页面链接");
        g.MapGet("/count", async (CurrentUser user, IEnumerable<ITodoSource> sources, AppDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                TypedResults.Ok(new TodoCount(await CountTodos.Handle(user, sources, db, clock, ct))))
            .WithSummary("本人的待办事项总数（页眉角标）");
        return api;
    }
}
