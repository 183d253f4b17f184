using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Services;

/// <summary>护理员 / 助老员 / 驾驶员.</summary>
public enum WorkerKind { Caregiver, Helper, Driver }

/// <summary>A certificate backing a qualification; a qualification counts only while its certificate has not expired.</summary>
public sealed class Certificate
{
    public string Qualification { get; set; } = "";
    public string? Number { get; set; }
    public DateOnly ExpiresOn { get; set; }
}

/// <summary>A weekly working slot in China time: day 1 = Monday … 7 = Sunday, minutes after midnight.</summary>
public sealed class AvailabilitySlot
{
    public int Day { get; set; }
    public int FromMinute { get; set; }
    public int ToMinute { get; set; }
}

/// <summary>
/// A worker of a provider. The phone is personal data (encrypted, masked on read). <see cref="UserId"/> links the
/// worker to a caregiver's sign-in: that user sees only the orders assigned to this worker.
/// </summary>
public sealed class Worker
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProviderId { get; set; }
    public required string Name { get; set; }
    public string? PhoneProtected { get; set; }
    public WorkerKind Kind { get; set; }
    public List<string> Qualifications { get; set; } = [];
    public List<Certificate> Certificates { get; set; } = [];

    /// <summary>District, street/town or community/village codes the worker serves (a code covers the ones under it).</summary>
    public List<string> RegionCodes { get; set; } = [];

    public List<AvailabilitySlot> Availability { get; set; } = [];
    public double? BaseLatitude { get; set; }
    public double? BaseLongitude { get; set; }

    /// <summary>Where the worker last checked out: dispatch measures from here when it is more recent than the base.</summary>
    public double? LastLatitude { get; set; }

    public double? LastLongitude { get; set; }
    public Guid? UserId { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; init; }
}

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.PhoneProtected).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(20);
        e.PrimitiveCollection(x => x.Qualifications);
        e.PrimitiveCollection(x => x.RegionCodes);
        e.OwnsMany(x => x.Certificates, c => c.ToJson());
        e.OwnsMany(x => x.Availability, c => c.ToJson());
        e.HasOne<ServiceProvider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UserId);
        e.HasIndex(x => x.ProviderId);
    }
}
