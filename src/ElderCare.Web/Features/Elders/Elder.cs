using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Elders;

public enum Sex { Male, Female }

/// <summary>独居 / 空巢 / 留守 / 与家人同住.</summary>
public enum LivingArrangement { Alone, EmptyNest, LeftBehind, WithFamily }

/// <summary>特困 / 低保 / 低保边缘 / 失独 / 残疾 / 重点优抚.</summary>
public enum ElderCategory { ExtremePoverty, Subsistence, LowIncomeEdge, LostOnlyChild, Disabled, Entitled }

public enum ElderStatus { Active, Moved, Deceased }

public sealed class EmergencyContact
{
    public string Name { get; set; } = "";
    public string? Relation { get; set; }

    /// <summary>Encrypted at rest (personal data).</summary>
    public string? PhoneProtected { get; set; }
}

/// <summary>
/// An elder in the registry (老年人). The ID number and phones are personal data: stored encrypted with the field
/// protector, found by a keyed blind index, shown masked (ADR 6). Birth date and sex are derived from the ID number.
/// </summary>
public sealed class Elder
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string IdNumberProtected { get; set; }

    /// <summary>HMAC of the normalised ID number: exact lookup and uniqueness without the plain value.</summary>
    public required string IdNumberIndex { get; set; }

    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }
    public string? PhoneProtected { get; set; }

    /// <summary>HMAC of the normalised phone (<see cref="ElderPhone"/>): the header search finds an elder by the whole number (ADR 6).</summary>
    public string? PhoneIndex { get; set; }

    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Community or village, or the street or town while it is not known.</summary>
    public required string RegionCode { get; set; }

    public required string UnitCode { get; set; }
    public LivingArrangement LivingArrangement { get; set; }
    public List<ElderCategory> Categories { get; set; } = [];
    public List<EmergencyContact> EmergencyContacts { get; set; } = [];
    public string? FamilyDoctorName { get; set; }
    public string? FamilyDoctorInstitution { get; set; }
    public DateOnly? FamilyDoctorSince { get; set; }

    /// <summary>PIPL: the legal basis of processing (e.g. 本人同意, 监护人同意, 履行法定职责), when and by whom recorded.</summary>
    public required string ConsentBasis { get; set; }

    public DateOnly ConsentOn { get; set; }
    public required string ConsentRecordedBy { get; set; }
    public ElderStatus Status { get; set; }
    public DateOnly StatusOn { get; set; }

    /// <summary>The level of the latest assessment (0–4), its date, and a condition change since (reassess at once).</summary>
    public int? CurrentLevel { get; set; }

    public DateOnly? LastAssessedOn { get; set; }
    public DateOnly? ConditionChangedOn { get; set; }

    /// <summary>
    /// When the window of the elder's latest verified visit (EVV) started: the "service contact" half of the basic-services KPI
    /// read without probing every order (ADR 32). Derived from the orders, never edited: <see cref="Services.ServiceContacts"/>
    /// recomputes it in the transaction that verifies a visit.
    /// </summary>
    public DateTime? LastVerifiedVisitAt { get; set; }

    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ElderConfiguration : IEntityTypeConfiguration<Elder>
{
    public void Configure(EntityTypeBuilder<Elder> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.IdNumberProtected).HasMaxLength(200);
        e.Property(x => x.IdNumberIndex).HasMaxLength(64);
        e.Property(x => x.PhoneProtected).HasMaxLength(200);
        e.Property(x => x.PhoneIndex).HasMaxLength(64);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.Sex).HasMaxLength(10);
        e.Property(x => x.LivingArrangement).HasMaxLength(20);
        e.Property(x => x.Status).HasMaxLength(20);
        e.OwnsMany(x => x.EmergencyContacts, c => c.ToJson());
        e.Property(x => x.FamilyDoctorName).HasMaxLength(50);
        e.Property(x => x.FamilyDoctorInstitution).HasMaxLength(200);
        e.Property(x => x.ConsentBasis).HasMaxLength(100);
        e.Property(x => x.ConsentRecordedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.IdNumberIndex).IsUnique();
        e.HasIndex(x => x.PhoneIndex); // not unique: a couple may share the home phone
        // The question every start asks (ElderPhoneBackfill): elders whose phone has no blind index yet, from an index of
        // only those rows — empty once filled — instead of a scan of the whole registry (over 30 s at 7 million, ADR 32).
        e.HasIndex(x => x.Id, "IX_Elders_PhoneIndexMissing").HasFilter("\"PhoneIndex\" IS NULL AND \"PhoneProtected\" IS NOT NULL");
        e.HasIndex(x => new { x.UnitCode, x.BirthDate });
        e.HasIndex(x => new { x.RegionCode, x.Name }); // the list's order: a page without filters reads the index, no sort
        e.HasIndex(x => x.Name);
        // The town's overdue assessments (to-do, 12-month cycle): counted from the index alone. On PostgreSQL it also carries
        // what the priority KPIs read of a unit's elders (GetKpis, ElderQueries.SelectStanding), so a district of a city-wide
        // database is read from the index, not from rows scattered over the table (ADR 32, measured there).
        e.HasIndex(x => new { x.UnitCode, x.Status, x.LastAssessedOn, x.ConditionChangedOn })
            .IncludeProperties(x => new { x.Id, x.BirthDate, x.CurrentLevel, x.LivingArrangement, x.Categories, x.Latitude, x.Longitude,
                x.LastVerifiedVisitAt });
    }
}
