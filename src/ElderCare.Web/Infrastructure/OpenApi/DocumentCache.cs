using Microsoft.AspNetCore.OutputCaching;

namespace ElderCare.Web.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document is the same for every signed-in caller and costs about a second of CPU to build: it is built
/// once per process and host name and then served from memory. The default output-cache policy would never store it
/// (it skips authenticated requests); this one stores only a plain 200 without a cookie, so nobody's session is replayed.
/// </summary>
public sealed class DocumentCache : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true; // concurrent first requests build it once
        context.CacheVaryByRules.VaryByHost = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromDays(1);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
