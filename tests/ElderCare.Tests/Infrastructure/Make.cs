using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Tests.Infrastructure;

/// <summary>Test data with named optional arguments; defaults give a compliant operating street centre in 昌元街道.</summary>
public static class Make
{
    public const string Changyuan = "500153001"; // 昌元街道
    public const string Fenggao = "500153006";   // 峰高街道
    public const string Panlong = "500153009";   // 盘龙镇

    public static readonly List<Zone> StreetZones =
        [Zone.Leisure, Zone.Education, Zone.DailyCare, Zone.Health, Zone.HumanisticCare, Zone.ResidentialCare, Zone.Operations];

    public static FacilityInput Facility(
        string name = "昌元街道养老服务中心",
        FacilityType type = FacilityType.StreetCenter,
        string regionCode = Changyuan,
        FacilityStatus status = FacilityStatus.Operating,
        double floorArea = 1600,
        BedsResource? beds = null,
        List<Zone>? zones = null,
        OperationMode mode = OperationMode.PublicPrivate,
        MedicalCareResource? medicalCare = null,
        DateOnly? openedOn = null,
        Guid? hub = null,
        bool smallCommunity = false,
        bool colocated = false,
        DateOnly? statusDate = null) => new()
    {
        Name = name, Type = type, RegionCode = regionCode, Status = status, FloorArea = floorArea,
        Beds = beds ?? new BedsResource(30, 20, 10), Zones = zones ?? (type == FacilityType.StreetCenter ? StreetZones : []),
        OperationMode = mode, OperatorName = "荣昌区颐养社会工作服务中心",
        MedicalCare = medicalCare ?? new MedicalCareResource(MedicalCareMode.Agreement, "昌元街道社区卫生服务中心"),
        OpenedOn = openedOn ?? (status == FacilityStatus.Operating ? new DateOnly(2020, 6, 1) : null),
        HubFacilityId = hub, SmallCommunity = smallCommunity, ColocatedWithHealthStation = colocated, StatusDate = statusDate,
        Location = new LocationResource(29.4048, 105.5942), Address = "荣昌区昌元街道",
    };
}
