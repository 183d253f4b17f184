using ElderCare.Web.Features.Todo.Sources;

namespace ElderCare.Web.Features.Todo;

public static class TodoSetup
{
    /// <summary>The to-do sources of the features that existed before the to-do centre (one small class each in Sources/).</summary>
    public static IServiceCollection AddTodoSources(this IServiceCollection services)
    {
        services.AddScoped<ITodoSource, EvaluationTodoSource>();
        services.AddScoped<ITodoSource, AssessmentTodoSource>();
        services.AddScoped<ITodoSource, AlarmTodoSource>();
        services.AddScoped<ITodoSource, ComplaintTodoSource>();
        services.AddScoped<ITodoSource, CertificateTodoSource>();
        services.AddScoped<ITodoSource, FoodSampleTodoSource>();
        return services;
    }
}
