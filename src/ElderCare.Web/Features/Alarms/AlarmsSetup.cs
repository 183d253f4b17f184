using ElderCare.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElderCare.Web.Features.Alarms;

public static class AlarmsSetup
{
    public static IServiceCollection AddAlarms(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<AlarmOptions>(config, "Alarms");
        services.AddSingleton<DeviceRateLimiter>();
        services.AddSingleton<AlarmWriteGate>();
        services.AddSingleton<AlarmBroadcast>();
        services.TryAddSingleton<INotifier, LoggingNotifier>();
        services.AddHostedService<AlarmClock>();
        services.AddSignalR();
        return services;
    }
}
