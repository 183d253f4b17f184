using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Web.Features;

/// <summary>Chinese names of the domain vocabulary (DESIGN.md), for messages and pages.</summary>
public static class Labels
{
    public static string Of(FacilityType t) => t switch
    {
        FacilityType.StreetCenter => "街道养老服务中心",
        FacilityType.CommunityStation => "社区养老服务站",
        FacilityType.TownCenter => "镇养老服务中心",
        FacilityType.VillagePoint => "村级互助养老点",
        _ => t.ToString(),
    };

    public static string Of(FacilityStatus s) => s switch
    {
        FacilityStatus.Planned => "规划",
        FacilityStatus.UnderConstruction => "在建",
        FacilityStatus.Operating => "运营",
        FacilityStatus.Suspended => "停运",
        FacilityStatus.Closed => "撤销",
        _ => s.ToString(),
    };

    public static string Of(Zone z) => z switch
    {
        Zone.Leisure => "休闲娱乐区",
        Zone.Education => "文化教育区",
        Zone.DailyCare => "生活照料区",
        Zone.Health => "健康管理区",
        Zone.HumanisticCare => "人文关怀区",
        Zone.ResidentialCare => "托养护理区",
        Zone.Operations => "运营管理区",
        Zone.MedicalRehab => "医疗康复区",
        _ => z.ToString(),
    };

    public static string Of(OperationMode m) => m switch
    {
        OperationMode.Government => "公办公营",
        OperationMode.PublicPrivate => "公建民营",
        OperationMode.PrivateSubsidized => "民办公助",
        OperationMode.Private => "民办",
        _ => m.ToString(),
    };

    public static string Of(MedicalCareMode m) => m switch
    {
        MedicalCareMode.None => "无",
        MedicalCareMode.Agreement => "签约合作",
        MedicalCareMode.Embedded => "内设医疗机构",
        MedicalCareMode.Integrated => "医养结合型机构",
        _ => m.ToString(),
    };

    public static string Of(RegionKind k) => k switch
    {
        RegionKind.District => "区",
        RegionKind.Street => "街道",
        RegionKind.Town => "镇",
        RegionKind.Community => "社区",
        RegionKind.Village => "行政村",
        _ => k.ToString(),
    };

}
