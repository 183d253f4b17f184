using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Evidence;

public static class EvidenceSetup
{
    /// <summary>The options (checked at start, ADR 25) and the configured store: local disk unless Evidence:Store is S3.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        services.AddValidatedOptions<EvidenceOptions>(config, "Evidence");
        services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<EvidenceOptions>() is { Store: EvidenceStoreKind.S3 } o
            ? S3EvidenceStore.From(o.S3)
            : LocalEvidenceStore.From(sp.GetRequiredService<EvidenceOptions>(), contentRoot));
        services.AddTransient<IStartupFilter, DownloadHeaders>();
        return services;
    }

    /// <summary>Set by a download of evidence content: its response gets <see cref="DownloadHeaders"/>' headers.</summary>
    public const string DownloadKey = "evidence.download";

    /// <summary>The policy of a downloaded evidence file: no script, no plugin, no same origin, nothing loaded.</summary>
    public const string DownloadPolicy = "sandbox; default-src 'none'";

    /// <summary>
    /// A download of evidence is never rendered as a page of this site: Content-Security-Policy sandbox and nosniff. The
    /// security headers (SecurityHeaders) set the site's policy when the response starts; this middleware comes first in
    /// the pipeline, so its callback runs last and the download keeps the sandbox (callbacks run last-registered first).
    /// </summary>
    private sealed class DownloadHeaders : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, inner) =>
            {
                http.Response.OnStarting(() =>
                {
                    if (http.Items.ContainsKey(DownloadKey) && http.Response.StatusCode == StatusCodes.Status200OK)
                    {
                        http.Response.Headers.ContentSecurityPolicy = DownloadPolicy;
                        http.Response.Headers.XContentTypeOptions = "nosniff";
                    }
                    return Task.CompletedTask;
                });
                await inner();
            });
            next(app);
        };
    }
}
