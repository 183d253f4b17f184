using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Facilities;

/// <summary>The checks shared by registering and updating a facility; messages name the camelCase field.</summary>
public static class FacilityValidation
{
    public const int OpeningHoursMax = 60;
    public const int ServicePhoneMin = 7;
    public const int ServicePhoneMax = 20;

    /// <summary>服务电话: a landline with area code (023-46721234) or a mobile (13812345678): digits and hyphens only,
    /// 7–20 characters, starting and ending with a digit.</summary>
    public static bool IsServicePhone(string s) =>
        s.Length is >= ServicePhoneMin and <= ServicePhoneMax && s.All(c => char.IsAsciiDigit(c) || c == '-')
        && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[^1]);

    public static async Task<FieldErrors> ValidateAsync(FacilityInput input, Guid? self, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写设施名称。");
        else if (input.Name.Trim().Length > 200) errors.Add("name", "设施名称不能超过 200 个字。");
        if (input.Code?.Trim() is { Length: > 0 } code)
        {
            if (code.Length > 50) errors.Add("code", "编号不能超过 50 个字符。");
            else if (await db.Facilities.AnyAsync(f => f.Code == code && f.Id != self, ct)) errors.Add("code", $"编号 {code} 已被其他设施使用。");
        }
        if (input.Type is null) errors.Add("type", "请选择设施类型。");
        if (input.OperationMode is null) errors.Add("operationMode", "请选择运营方式。");
        errors.AddIf(input.FloorArea is < 0 or > 1_000_000, "floorArea", "建筑面积应在 0 至 1000000 平方米之间。");
        if (input.Beds is { } beds)
        {
            errors.AddIf(beds.Total < 0, "beds.total", "床位数不能为负数。");
            errors.AddIf(beds.Nursing < 0, "beds.nursing", "护理型床位数不能为负数。");
            errors.AddIf(beds.DayCare < 0, "beds.dayCare", "日间照料床位数不能为负数。");
            errors.AddIf(beds.Nursing > beds.Total, "beds.nursing", "护理型床位数不能超过床位总数。");
        }
        if (input.Zones is { } zones && zones.Distinct().Count() != zones.Count) errors.Add("zones", "功能区有重复。");
        if (input.MedicalCare is { Mode: MedicalCareMode.Agreement, Partner: var partner } && string.IsNullOrWhiteSpace(partner))
            errors.Add("medicalCare.partner", "签约合作的，请填写合作医疗机构名称。");
        errors.CheckLocation(input.Location?.Lat, input.Location?.Lng);
        if (input.Status == FacilityStatus.Operating && input.OpenedOn is null)
            errors.Add("openedOn", "运营中的设施请填写开业日期。");
        errors.AddIf(input.Address?.Length > 300, "address", "地址不能超过 300 个字。");
        errors.AddIf(input.OperatorName?.Length > 200, "operatorName", "运营机构名称不能超过 200 个字。");
        errors.AddIf(input.OpeningHours?.Trim().Length > OpeningHoursMax, "openingHours", $"开放时间不能超过 {OpeningHoursMax} 个字。");
        if (input.ServicePhone?.Trim() is { Length: > 0 } phone && !IsServicePhone(phone))
            errors.Add("servicePhone", $"服务电话只能包含数字和“-”，长度 {ServicePhoneMin} 至 {ServicePhoneMax} 位，例如 023-46721234 或 13812345678。");

        if (string.IsNullOrWhiteSpace(input.RegionCode)) errors.Add("regionCode", "请选择所在区域。");
        else if (input.Type is { } type)
        {
            // Outside the user's scope a region reads as unknown, so its existence is not disclosed.
            var region = scope.Covers(input.RegionCode)
                ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == input.RegionCode, ct)
                : null;
            if (region is null) errors.Add("regionCode", $"区域代码 {input.RegionCode} 不存在。");
            else if (!AllowedKinds(type).Contains(region.Kind))
                errors.Add("regionCode",
                    $"{Labels.Of(type)}应设在{string.Join("或", AllowedKinds(type).Select(Labels.Of))}，{region.Name}是{Labels.Of(region.Kind)}。");
        }

        if (input.HubFacilityId is { } hubId && input.Type is { } t)
        {
            var hubType = HubTypeFor(t);
            var hub = await db.Facilities.AsNoTracking().InScope(scope).Where(f => f.Id == hubId).Select(f => new { f.Type }).FirstOrDefaultAsync(ct);
            if (hubType is null) errors.Add("hubFacilityId", $"{Labels.Of(t)}本身是中心，不挂靠其他中心。");
            else if (hubId == self) errors.Add("hubFacilityId", "设施不能挂靠自己。");
            else if (hub is null) errors.Add("hubFacilityId", "所挂靠的中心不存在。");
            else if (hub.Type != hubType)
                errors.Add("hubFacilityId", $"{Labels.Of(t)}应由{Labels.Of(hubType.Value)}带动（中心带站 / 中心带点），所选设施是{Labels.Of(hub.Type)}。");
        }
        return errors;
    }

    /// <summary>Where each type may stand: a centre in its street or town; a station or point in its community or
    /// village, or in the street or town while the community or village is not yet registered.</summary>
    public static RegionKind[] AllowedKinds(FacilityType type) => type switch
    {
        FacilityType.StreetCenter => [RegionKind.Street],
        FacilityType.TownCenter => [RegionKind.Town],
        FacilityType.CommunityStation => [RegionKind.Community, RegionKind.Street, RegionKind.Town],
        _ => [RegionKind.Village, RegionKind.Street, RegionKind.Town],
    };

    /// <summary>二(三): 街道中心带社区站 (中心带站); 镇中心带村级点 (中心带点). Centres have no hub.</summary>
    public static FacilityType? HubTypeFor(FacilityType type) => type switch
    {
        FacilityType.CommunityStation => FacilityType.StreetCenter,
        FacilityType.VillagePoint => FacilityType.TownCenter,
        _ => null,
    };

    /// <summary>Copies validated input onto the entity (status changes are recorded separately, with history).</summary>
    public static void ApplyTo(FacilityInput input, Facility f)
    {
        f.Name = input.Name!.Trim();
        f.Code = Trim(input.Code);
        f.Type = input.Type!.Value;
        f.RegionCode = input.RegionCode!;
        f.UnitCode = Region.UnitOf(input.RegionCode!)!;
        f.FloorArea = input.FloorArea ?? 0;
        f.Beds = new Beds { Total = input.Beds?.Total ?? 0, Nursing = input.Beds?.Nursing ?? 0, DayCare = input.Beds?.DayCare ?? 0 };
        f.Zones = input.Zones?.Distinct().Order().ToList() ?? [];
        f.OperationMode = input.OperationMode!.Value;
        f.OperatorName = Trim(input.OperatorName);
        f.MedicalCareMode = input.MedicalCare?.Mode ?? MedicalCareMode.None;
        f.MedicalPartner = f.MedicalCareMode == MedicalCareMode.None ? null : Trim(input.MedicalCare?.Partner);
        f.ColocatedWithHealthStation = input.ColocatedWithHealthStation;
        f.SmallCommunity = input.SmallCommunity;
        f.HubFacilityId = input.HubFacilityId;
        f.Latitude = input.Location?.Lat;
        f.Longitude = input.Location?.Lng;
        f.Address = Trim(input.Address);
        f.OpeningHours = Trim(input.OpeningHours);
        f.ServicePhone = Trim(input.ServicePhone);
        f.OpenedOn = input.OpenedOn;
    }

    /// <summary>ADR 20: the free-text fields, cleaned by the one text rule; refusals land in <paramref name="errors"/>.</summary>
    public static FacilityInput CleanText(FacilityInput input, FieldErrors errors) => input with
    {
        Name = errors.Text(input.Name, "name", "设施名称", FreeText.LongName),
        OperatorName = errors.Text(input.OperatorName, "operatorName", "运营机构名称", FreeText.LongName),
        MedicalCare = input.MedicalCare is not { } m
            ? null
            : m with { Partner = errors.Text(m.Partner, "medicalCare.partner", "合作医疗机构名称", FreeText.LongName) },
        Address = errors.Text(input.Address, "address", "地址", FreeText.Address),
        OpeningHours = errors.Text(input.OpeningHours, "openingHours", "开放时间", OpeningHoursMax),
        ServicePhone = errors.Text(input.ServicePhone, "servicePhone", "服务电话", ServicePhoneMax),
    };

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
