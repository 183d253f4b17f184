using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Facilities;

public sealed record BedsResource(int Total, int Nursing, int DayCare);


public sealed record MedicalCareResource(MedicalCareMode Mode, string? Partner);

public sealed record StatusChangeResource(FacilityStatus Status, DateOnly On);

/// <summary>A facility as the API shows it.</summary>
public sealed record FacilityResource(
    Guid Id,
    string Name,
    FacilityType Type,
    string RegionCode,
    string? RegionName,
    FacilityStatus Status,
    DateOnly StatusSince,
    IReadOnlyList<StatusChangeResource> StatusHistory,
    double FloorArea,
    BedsResource Beds,
    IReadOnlyList<Zone> Zones,
    OperationMode OperationMode,
    string? OperatorName,
    MedicalCareResource MedicalCare,
    bool ColocatedWithHealthStation,
    bool SmallCommunity,
    Guid? HubFacilityId,
    LocationResource? Location,
    string? Address,
    DateOnly? OpenedOn,
    int Version)
{
    /// <summary>编号 (unique in the district), or null.</summary>
    public string? Code { get; init; }

    /// <summary>开放时间, e.g. 周一至周日 8:00-18:00, or null.</summary>
    public string? OpeningHours { get; init; }

    /// <summary>服务电话 (the facility's public line), or null.</summary>
    public string? ServicePhone { get; init; }

    public static FacilityResource From(Facility f, string? regionName) => new(
        f.Id, f.Name, f.Type, f.RegionCode, regionName, f.Status, f.StatusSince,
        f.StatusHistory.OrderBy(c => c.On).ThenBy(c => c.RecordedAt).Select(c => new StatusChangeResource(c.Status, c.On)).ToList(),
        f.FloorArea, new BedsResource(f.Beds.Total, f.Beds.Nursing, f.Beds.DayCare), f.Zones, f.OperationMode, f.OperatorName,
        new MedicalCareResource(f.MedicalCareMode, f.MedicalPartner), f.ColocatedWithHealthStation, f.SmallCommunity,
        f.HubFacilityId, f.Latitude is { } lat && f.Longitude is { } lng ? new LocationResource(lat, lng) : null,
        f.Address, f.OpenedOn, f.Version) { Code = f.Code, OpeningHours = f.OpeningHours, ServicePhone = f.ServicePhone };
}

/// <summary>What a client sends to register or update a facility. Optional everywhere so missing fields get field errors.</summary>
public sealed record FacilityInput
{
    public string? Name { get; init; }

    /// <summary>编号, unique in the district; blank for none.</summary>
    public string? Code { get; init; }

    public FacilityType? Type { get; init; }
    public string? RegionCode { get; init; }
    public FacilityStatus? Status { get; init; }

    /// <summary>The date of the status (change); defaults to the opening date for an operating facility, else today.</summary>
    public DateOnly? StatusDate { get; init; }

    public double? FloorArea { get; init; }
    public BedsResource? Beds { get; init; }
    public List<Zone>? Zones { get; init; }
    public OperationMode? OperationMode { get; init; }
    public string? OperatorName { get; init; }
    public MedicalCareResource? MedicalCare { get; init; }
    public bool ColocatedWithHealthStation { get; init; }
    public bool SmallCommunity { get; init; }
    public Guid? HubFacilityId { get; init; }
    public LocationResource? Location { get; init; }
    public string? Address { get; init; }

    /// <summary>开放时间, at most 60 characters; blank for none.</summary>
    public string? OpeningHours { get; init; }

    /// <summary>服务电话: digits and hyphens, 7–20 characters (023-46721234 or 13812345678); blank for none.</summary>
    public string? ServicePhone { get; init; }

    public DateOnly? OpenedOn { get; init; }

    /// <summary>The version read before editing (optimistic concurrency); required on update.</summary>
    public int? Version { get; init; }

    public static FacilityInput From(FacilityResource f) => new()
    {
        Name = f.Name, Code = f.Code, Type = f.Type, RegionCode = f.RegionCode, Status = f.Status, FloorArea = f.FloorArea, Beds = f.Beds,
        Zones = [.. f.Zones], OperationMode = f.OperationMode, OperatorName = f.OperatorName, MedicalCare = f.MedicalCare,
        ColocatedWithHealthStation = f.ColocatedWithHealthStation, SmallCommunity = f.SmallCommunity,
        HubFacilityId = f.HubFacilityId, Location = f.Location, Address = f.Address, OpeningHours = f.OpeningHours,
        ServicePhone = f.ServicePhone, OpenedOn = f.OpenedOn, Version = f.Version,
    };
}
