using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElderCare.Web.Features.Outbound;

public static class OutboundSetup
{
    public const string HttpClientName = "outbound";

    /// <summary>Options "Outbound" and "Sms", the sender and its pass; the HTTP gateway and the SMS notifier when "Sms:GatewayUrl" is set.</summary>
    public static IServiceCollection AddOutbound(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<OutboundOptions>(config, "Outbound");
        services.AddValidatedOptions<SmsOptions>(config, "Sms");
        services.AddHttpClient(HttpClientName, (sp, c) => c.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<OutboundOptions>().TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        if (!string.IsNullOrWhiteSpace(config["Sms:GatewayUrl"]))
        {
            services.AddSingleton<ISmsGateway, HttpSmsGateway>();
            services.Replace(ServiceDescriptor.Singleton<INotifier, SmsNotifier>());
        }
        else services.AddSingleton<ISmsGateway, LoggingSmsGateway>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxPass>();
        return services;
    }
}
