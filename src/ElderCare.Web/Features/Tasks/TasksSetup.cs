using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Features.Todo;

namespace ElderCare.Web.Features.Tasks;

public static class TasksSetup
{
    /// <summary>Options "Tasks", the escalation clock, and the to-do sources of the task list and of the existing features.</summary>
    public static IServiceCollection AddTasks(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<TaskOptions>(config, "Tasks");
        services.AddHostedService<TaskClock>();
        services.AddScoped<ITodoSource, TaskTodoSource>();
        services.AddTodoSources();
        return services;
    }
}
