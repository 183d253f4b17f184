using ElderCare.Web.Data;
using ElderCare.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static ElderCare.Web.Features.Reports.ReportIndicators;

namespace ElderCare.Web.Features.Reports;

/// <summary>
/// The default quarterly report form (三、保障措施 "每季度向区领导小组报送推进落实情况"), a placeholder marked 待确认 until the
/// district confirms it (ADR 0023): the indicators the platform's records support, each with the policy line it serves.
/// </summary>
public static class ReportFormDefaults
{
    public const int Year = 2020;
    public const string Name = "社区居家养老服务全覆盖推进情况季报";

    private const string Goals = "一、工作目标";

    public static readonly IReadOnlyList<(string Code, string Name, string Unit, string Definition, string Policy)> Indicators =
    [
        (FacilitiesBuilt, "已建成养老服务设施数", "个", "季末（含当日）已建成投用（有投用日期且不晚于季末）的各类设施数，不论现状。",
            "二(一) “一街一中心、一村（社区）一站（点）”"),
        (OperatingStreetCenters, "运营中的街道养老服务中心", "个", "季末按状态历史处于运营中的街道养老服务中心数。",
            $"{Goals} “街道建设街道养老服务中心”"),
        (OperatingCommunityStations, "运营中的社区养老服务站", "个", "季末按状态历史处于运营中的社区养老服务站数。",
            $"{Goals} “城市社区建设社区养老服务站”"),
        (OperatingTownCenters, "运营中的镇养老服务中心", "个", "季末按状态历史处于运营中的镇养老服务中心数。",
            $"{Goals} “镇建设镇养老服务中心”"),
        (OperatingVillagePoints, "运营中的村级互助养老点", "个", "季末按状态历史处于运营中的村级互助养老点数。",
            $"{Goals} “行政村建设村级互助养老点”"),
        (CenterCoverage, "镇街养老服务中心覆盖率", "ratio", "季末运营中且达到附件1标准的街道（镇）养老服务中心数（不超过1）除以应建数1。",
            $"{Goals} “到2020年，全区所有街道……基本实现养老服务设施全覆盖。到2022年，全区所有镇……”"),
        (StationCoverage, "社区养老服务站覆盖率", "ratio", "季末运营中且达标的社区养老服务站数（不超过社区数）除以社区数；社区数未知或为0时不适用。",
            $"{Goals} “到2020年，全区所有街道、社区基本实现养老服务设施全覆盖”"),
        (VillagePointCoverage, "村级互助养老点覆盖率", "ratio", "季末运营中且达标的村级互助养老点数（不超过行政村数）除以行政村数；行政村数未知或为0时不适用。",
            $"{Goals} “到2022年，全区所有镇、行政村基本实现养老服务设施全覆盖”"),
        (SocializedShare, "社会化运营率", "ratio", "季末运营中的设施中，运营方式不是公办公营的比例（街道按城市、镇按农村目标评价）。",
            $"{Goals} “城市养老服务设施社会化运营率达到90%以上，农村养老服务设施社会化运营率达到60%以上”"),
        (MedicalCareShare, "具备医养服务能力的设施比例", "ratio", "季末运营中的设施中，医养结合方式不为“无”的比例。",
            $"{Goals} “城乡养老设施具备医养服务能力的比例达到100%”"),
        (NursingBedShare, "护理型床位占比", "ratio", "季末运营中设施的护理型床位数之和除以床位总数之和。",
            "二(五) “到2022年，护理型床位占比不低于50%”"),
        (EldersAssessed, "本季完成能力评估的老年人", "人", "本辖区在册老年人中，评估日期在本季内的人数（一人多次计一次）。",
            $"{Goals} “优先满足高龄、失能、特殊困难等老年人基本养老服务需求”"),
        (EldersServed, "本季接受上门服务的老年人", "人", "本季内有核验通过的上门服务（已完成且电子核验通过，按服务时段开始计）的老年人数。",
            "二(四) “创新开展居家上门助老服务”"),
        (VisitsVerified, "核验通过的上门服务", "次", "本季内服务时段开始、已完成且电子核验通过的上门服务次数（只计核验通过的）。",
            "二(四) “创新开展居家上门助老服务”"),
        (MealsServed, "助餐服务份数", "份", "本季内用餐日期的已就餐或已送达的助餐订单份数。",
            "二(四) “探索开展‘中央厨房+社区配送+集中就餐’助餐服务”"),
        (AlarmsRaised, "紧急呼叫次数", "次", "本季内发起的紧急呼叫数（测试呼叫不计）。", "二(四) “推广运用智慧养老紧急救援服务”"),
        (AlarmsAnsweredInTime, "60秒内应答率", "ratio", "本季内的紧急呼叫中，季末前且60秒内应答的比例（未应答的计入分母）。",
            "二(四) “推广运用智慧养老紧急救援服务”；应答时限见 QUALITY.md R4"),
        (Complaints, "服务投诉数", "件", "本季内受理的上门服务投诉数。", "二(四) “鼓励社会公众参与监督等方式，加强养老服务质量监管”"),
        (ComplaintsResolvedInTime, "投诉按时办结率", "ratio", "本季受理的投诉中，在办结时限内且季末前办结的比例。",
            "二(四) “加强养老服务质量监管”"),
        (MoneyPaid, "已拨付补助资金", "fen", "台账中本镇街的补助行、付款批次的付款日期在本季内的金额合计（含冲销，单位：分，页面以元显示）。",
            "三(二) “市级以奖代补”“区级……给予运营补助”"),
    ];

    public static ReportForm Form() => new()
    {
        Year = Year, Name = Name, Source = Placeholders.Source,
        Indicators = Indicators.Select(i => new ReportFormIndicator
        {
            Code = i.Code, Name = i.Name, Unit = i.Unit, Definition = i.Definition, Policy = i.Policy,
        }).ToList(),
    };

    /// <summary>Stores the default form once (it is the one in force until the district saves a later year's).</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.ReportForms.AnyAsync(ct)) return 0;
        db.ReportForms.Add(Form());
        await db.SaveChangesAsync(ct);
        return 1;
    }

    /// <summary>The form in force for a year: the stored one with the latest year not after it, else the default (unsaved).</summary>
    public static async Task<ReportForm> InForceAsync(int year, AppDbContext db, CancellationToken ct) =>
        await db.ReportForms.AsNoTracking().Where(f => f.Year <= year).OrderByDescending(f => f.Year).FirstOrDefaultAsync(ct) ?? Form();
}
