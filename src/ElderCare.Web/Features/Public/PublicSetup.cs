using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Public;

/// <summary>The public map: options "PublicMap" and its per-address rate limit.</summary>
public static class PublicSetup
{
    public static void AddPublicMap(IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<PublicMapOptions>(config, "PublicMap");
        services.AddRateLimiter(o => o.AddPolicy<string, PublicRateLimit>(PublicRateLimit.Policy));
    }
}
