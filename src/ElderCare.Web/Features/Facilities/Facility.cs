using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Facilities;

public enum FacilityType { StreetCenter, CommunityStation, TownCenter, VillagePoint }

public enum FacilityStatus { Planned, UnderConstruction, Operating, Suspended, Closed }

/// <summary>Functional zones of Attachment 1 (附件1 功能区).</summary>
public enum Zone { Leisure, Education, DailyCare, Health, HumanisticCare, ResidentialCare, Operations, MedicalRehab }

/// <summary>公办公营 / 公建民营 / 民办公助 / 民办; socialised operation is every mode but government.</summary>
public enum OperationMode { Government, PublicPrivate, PrivateSubsidized, Private }

/// <summary>医养结合: none, an agreement with a clinic, an embedded clinic, or an integrated 医养结合型机构.</summary>
public enum MedicalCareMode { None, Agreement, Embedded, Integrated }

public sealed class Beds
{
    public int Total { get; set; }
    public int Nursing { get; set; }
    public int DayCare { get; set; }
}

public sealed class Facility
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>编号: the district's own number of the facility, unique in the district; imports update by it (ADR 0021).</summary>
    public string? Code { get; set; }

    public FacilityType Type { get; set; }
    public required string RegionCode { get; set; }

    /// <summary>The street or town the facility lies in (first 9 digits of the region code); indexed for coverage.</summary>
    public required string UnitCode { get; set; }

    public FacilityStatus Status { get; set; }
    public DateOnly StatusSince { get; set; }
    public double FloorArea { get; set; }
    public Beds Beds { get; set; } = new();
    public List<Zone> Zones { get; set; } = [];
    public OperationMode OperationMode { get; set; }
    public string? OperatorName { get; set; }
    public MedicalCareMode MedicalCareMode { get; set; }
    public string? MedicalPartner { get; set; }
    public bool ColocatedWithHealthStation { get; set; }
    public bool SmallCommunity { get; set; }
    public Guid? HubFacilityId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }

    /// <summary>开放时间 as the facility posts it (e.g. 周一至周日 8:00-18:00); public, shown on the public map (二(四)).</summary>
    public string? OpeningHours { get; set; }

    /// <summary>服务电话: the facility's public service line (a landline or a mobile), not a person's phone.</summary>
    public string? ServicePhone { get; set; }

    public DateOnly? OpenedOn { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public List<FacilityStatusChange> StatusHistory { get; init; } = [];

    /// <summary>Records a status change on a date; history is kept, the latest change is the current status.</summary>
    public void ChangeStatus(FacilityStatus status, DateOnly on, DateTime recordedAt)
    {
        StatusHistory.Add(new FacilityStatusChange { FacilityId = Id, Status = status, On = on, RecordedAt = recordedAt });
        if (on >= StatusSince || StatusHistory.Count == 1)
        {
            Status = status;
            StatusSince = on;
        }
    }
}

public sealed class FacilityStatusChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FacilityId { get; init; }
    public FacilityStatus Status { get; init; }
    public DateOnly On { get; init; }
    public DateTime RecordedAt { get; init; }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> e)
    {
        e.Property(f => f.Name).HasMaxLength(200);
        e.Property(f => f.Code).HasMaxLength(50);
        e.HasIndex(f => f.Code).IsUnique();
        e.Property(f => f.Type).HasMaxLength(30);
        e.Property(f => f.Status).HasMaxLength(30);
        e.Property(f => f.OperationMode).HasMaxLength(30);
        e.Property(f => f.MedicalCareMode).HasMaxLength(30);
        e.Property(f => f.RegionCode).HasMaxLength(12);
        e.Property(f => f.UnitCode).HasMaxLength(9);
        e.Property(f => f.OperatorName).HasMaxLength(200);
        e.Property(f => f.MedicalPartner).HasMaxLength(200);
        e.Property(f => f.Address).HasMaxLength(300);
        e.Property(f => f.OpeningHours).HasMaxLength(FacilityValidation.OpeningHoursMax);
        e.Property(f => f.ServicePhone).HasMaxLength(FacilityValidation.ServicePhoneMax);
        e.Property(f => f.Version).IsConcurrencyToken();
        e.ComplexProperty(f => f.Beds);
        e.HasMany(f => f.StatusHistory).WithOne().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(f => new { f.UnitCode, f.Type });
        e.HasIndex(f => f.RegionCode);
        e.HasIndex(f => f.HubFacilityId);
    }
}

internal sealed class FacilityStatusChangeConfiguration : IEntityTypeConfiguration<FacilityStatusChange>
{
    public void Configure(EntityTypeBuilder<FacilityStatusChange> e)
    {
        e.Property(c => c.Status).HasMaxLength(30);
        e.HasIndex(c => new { c.FacilityId, c.On });
    }
}
