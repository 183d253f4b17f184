using ElderCare.Tests.Infrastructure;

namespace ElderCare.Tests.Tasks;

/// <summary>The app with the task escalation clock off: the tests run each pass themselves on the fake clock.</summary>
public sealed class TasksApp : AppFactory
{
    public TasksApp() => Settings["Tasks:ClockIntervalSeconds"] = "0";
}
