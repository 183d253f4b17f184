using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ElderCare.Web.Features.Integrations;

/// <summary>
/// Integration accounts (ADR 29): options "Integrations", the client scheme beside the people's (the per-client limit:
/// ApiTokenLimit).
/// </summary>
public static class IntegrationsSetup
{
    public static void AddIntegrations(IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<IntegrationOptions>(config, "Integrations");
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiClientAuthentication>(ApiClientAuthentication.SchemeName, null);
        services.AddSingleton<IPostConfigureOptions<PolicySchemeOptions>, ForwardClientCredentials>();
    }
}
