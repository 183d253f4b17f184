using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElderCare.Web.Features.Alarms;

public static class AlarmsSetup
{
    public static IServiceCollection AddAlarms(this IServiceCollection services, IConfiguration config)
    {
        var options = new AlarmOptions();
        config.GetSection("Alarms").Bind(options);
        services.AddSingleton(options.Validated());
        services.AddSingleton<DeviceRateLimiter>();
        services.AddSingleton<AlarmWriteGate>();
        services.AddSingleton<AlarmBroadcast>();
        services.TryAddSingleton<INotifier, LoggingNotifier>();
        services.AddHostedService<AlarmClock>();
        services.AddSignalR();
        return services;
    }
}
