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
        return services;
    }
}
