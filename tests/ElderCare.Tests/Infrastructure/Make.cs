using System.Collections.Concurrent;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Infrastructure.Web;
using IdNumberRule = ElderCare.Web.Features.Elders.IdNumber;

namespace ElderCare.Tests.Infrastructure;

/// <summary>
/// Test data with named optional arguments. Defaults give a compliant operating street centre in 昌元街道, and an elder
/// living alone there, born 1940 (86 on the fake clock's day), with a valid ID number of their own.
/// </summary>
public static class Make
{
    public const string Changyuan = "500153001"; // 昌元街道
    public const string Fenggao = "500153006";   // 峰高街道
    public const string Panlong = "500153009";   // 盘龙镇

    /// <summary>A home in 昌元街道 (the default facility's location too).</summary>
    public const double HomeLat = 29.4048, HomeLng = 105.5942;

    public const string Today = "2026-11-29"; // the fake clock: 2026-11-29 10:00 China time

    public static readonly List<Zone> StreetZones =
        [Zone.Leisure, Zone.Education, Zone.DailyCare, Zone.Health, Zone.HumanisticCare, Zone.ResidentialCare, Zone.Operations];

    /// <summary>Sequence numbers handed out per birth date; fixed numbers in the tests use sequences below 300.</summary>
    private static readonly ConcurrentDictionary<string, int> Sequences = new();

    private static int _serial;

    /// <summary>A number unique in this test run, for names and serials that must not collide.</summary>
    public static int Serial() => Interlocked.Increment(ref _serial);

    /// <summary>
    /// A valid GB 11643 ID number of someone born on the date (yyyyMMdd) in 荣昌区 (500153), unique in this test run:
    /// sequence 300-999 (odd: male, even: female, as they come), then the check digit of §4.
    /// </summary>
    public static string IdNumber(string born = "19400101")
    {
        var sequence = Sequences.AddOrUpdate(born, 300, (_, s) => s + 1);
        if (sequence > 999) throw new InvalidOperationException($"more than 700 ID numbers born {born} in one run");
        return WithCheckDigit($"500153{born}{sequence:000}");
    }

    /// <summary>The 17 digits followed by their check digit (GB 11643 §4).</summary>
    public static string WithCheckDigit(string first17) => first17 + IdNumberRule.CheckDigit(first17);

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

    /// <summary>A street centre in 昌元街道 or 峰高街道, a town centre elsewhere, with a name unique in this run.</summary>
    public static FacilityInput CentreIn(string regionCode, string name = "测试中心") => Facility(
        name: $"{name}{Serial()}", regionCode: regionCode,
        type: regionCode == Panlong ? FacilityType.TownCenter : FacilityType.StreetCenter);

    /// <summary>
    /// The body of POST /api/elders/{id}/assessments: a first GB/T 42195 assessment with every item at full marks (level 0,
    /// 能力完好) by two assessors on <paramref name="assessedOn"/>.
    /// </summary>
    public static object Assessment(string assessedOn, string firstAssessor = "甲", string secondAssessor = "乙") => new
    {
        assessedOn, reason = "first", assessors = new[] { firstAssessor, secondAssessor },
        items = ElderCare.Web.Features.Assessments.CapabilityForm.Items.ToDictionary(i => i.Code, i => i.MaxScore),
        coma = false, diagnosedMentalDisorder = false, riskEvents30d = 0,
    };

    /// <summary>The body of POST /api/elders (and of PUT with <paramref name="version"/>).</summary>
    public static object Elder(
        string name = "测试老人",
        string? idNumber = null,
        string regionCode = Changyuan,
        string living = "alone",
        string[]? categories = null,
        string born = "19400101",
        double? lat = null,
        double? lng = null,
        string? address = null,
        string? phone = null,
        object[]? contacts = null,
        string? consentOn = null,
        int? version = null) => new
    {
        name, idNumber = idNumber ?? IdNumber(born), phone, regionCode, livingArrangement = living, categories = categories ?? [],
        location = lat is null ? null : new { lat, lng = lng ?? HomeLng }, address, emergencyContacts = contacts,
        consent = new { basis = "本人同意", on = consentOn }, version,
    };

    /// <summary>The body of POST /api/workers: a helper serving 昌元街道 unless told otherwise.</summary>
    public static object Worker(
        Guid provider,
        string name = "陈助老",
        string phone = "13900003333",
        string? kind = null,
        string[]? qualifications = null,
        string[]? regionCodes = null,
        object[]? certificates = null,
        double? baseLat = null,
        double? baseLng = null,
        string? userName = null) => new
    {
        providerId = provider, name, phone, kind, qualifications = qualifications ?? ["helper"], certificates,
        regionCodes = regionCodes ?? [Changyuan], baseLatitude = baseLat, baseLongitude = baseLng, userName,
    };

    /// <summary>A caregiver qualified for bathing (certificate until the date) and helping, based near the home.</summary>
    public static object Caregiver(Guid provider, string name, string? userName, string? certificateExpires = "2027-12-31",
        double baseLat = HomeLat) => Worker(provider, name, "13900002222", "caregiver", ["bathing", "helper"],
        certificates: certificateExpires is null ? [] : [new { qualification = "bathing", number = "ZY-1", expiresOn = certificateExpires }],
        baseLat: baseLat, baseLng: HomeLng, userName: userName);

    /// <summary>The body of POST /api/orders: a service order for the window.</summary>
    public static object ServiceOrder(Guid elder, Guid item, DateTimeOffset start, DateTimeOffset end, Guid? provider = null) =>
        new { elderId = elder, serviceItemId = item, windowStart = start, windowEnd = end, providerId = provider };

    /// <summary>The body of POST /api/meals/dining-points.</summary>
    public static object DiningPoint(Guid facility, Guid kitchen, string name, double lat = 29.40, double lng = 105.60) =>
        new { name, facilityId = facility, kitchenId = kitchen, location = new { lat, lng } };

    /// <summary>The body of POST /api/meals/menus: one set, or the sets given.</summary>
    public static object Menu(Guid kitchen, string date = Today, string meal = "lunch", string setName = "普通套餐", long priceFen = 900,
        string[]? dishes = null, object[]? sets = null) => new
    {
        kitchenId = kitchen, date, meal,
        sets = sets ?? [new { code = "A", name = setName, priceFen, dishes = dishes ?? ["红烧肉", "米饭"], suits = Array.Empty<string>() }],
    };

    /// <summary>The body of POST /api/meals/orders.</summary>
    public static object MealOrder(Guid elder, string date = Today, string meal = "lunch", string? setCode = null, string? mode = null) =>
        new { elderId = elder, date, meal, setCode, mode };
}
