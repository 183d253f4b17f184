using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Audit;

/// <summary>One line of the append-only audit trail (等保 8.1.4.3): time, user, action, object, outcome, address.</summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTime At { get; init; }
    public Guid? UserId { get; init; }
    public string? UserName { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public required string Outcome { get; init; }
    public string? Address { get; init; }
    public string? Detail { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }

    public AuditFacts Facts => new(Sequence, At, UserName, Action, Target, Outcome, Address, Detail);
}

/// <summary>The newest sequence and hash, so removing the last entries is detected too.</summary>
public sealed class AuditHead
{
    public int Id { get; init; } = 1;
    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasKey(a => a.Sequence);
        e.Property(a => a.Sequence).ValueGeneratedNever();
        e.Property(a => a.UserName).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(60);
        e.Property(a => a.Target).HasMaxLength(300);
        e.Property(a => a.Outcome).HasMaxLength(20);
        e.Property(a => a.Address).HasMaxLength(64);
        e.Property(a => a.Detail).HasMaxLength(1000);
        e.Property(a => a.PreviousHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.UserName, a.At });
        e.Ignore(a => a.Facts);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> e)
    {
        e.Property(h => h.Id).ValueGeneratedNever();
        e.Property(h => h.LastHash).HasMaxLength(64);
    }
}
