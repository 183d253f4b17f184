using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// Another system's subscription to our events (the municipal platform, a 12349 call centre): where to POST, the secret
/// the POSTs are signed with, which events, and the scope — a region code like a town officer's (its street or town and
/// what lies under it), or none for the whole district. Disabled, never deleted: the delivery log keeps naming it.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Url { get; set; }

    /// <summary>The signing secret, encrypted at rest (FieldProtector); shown once when the subscription is created.</summary>
    public required string SecretProtected { get; set; }

    /// <summary>Event types, comma-separated (<see cref="OutboundEvents.Types"/>).</summary>
    public required string Events { get; set; }

    /// <summary>Null: the whole district; else a street or town (or smaller) code whose events only are sent.</summary>
    public string? RegionCode { get; set; }

    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTime? DisabledAt { get; set; }
    public string? DisabledBy { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Url).HasMaxLength(500);
        e.Property(x => x.SecretProtected).HasMaxLength(300);
        e.Property(x => x.Events).HasMaxLength(300);
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.DisabledBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.EventList);
        e.HasIndex(x => x.Active);
    }
}
