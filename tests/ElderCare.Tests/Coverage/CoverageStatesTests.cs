using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;

namespace ElderCare.Tests.Coverage;

/// <summary>已覆盖 · 规划覆盖 · 规划缺口 · 待确认 · 数据缺失 (ADR 0017).</summary>
public class CoverageStatesTests
{
    private static UnitFacts Facts(int? villages, int operating, int planned, bool toConfirm, int notCompliant = 0) => new(
        "500153009", "盘龙镇", RegionKind.Town, null, villages, 0, 0,
        new Dictionary<FacilityType, int> { [FacilityType.VillagePoint] = operating },
        new Dictionary<FacilityType, int> { [FacilityType.VillagePoint] = planned })
    {
        OperatingNotCompliant = new Dictionary<FacilityType, int> { [FacilityType.VillagePoint] = notCompliant },
        PlanToConfirm = toConfirm ? new HashSet<FacilityType> { FacilityType.VillagePoint } : new HashSet<FacilityType>(),
    };

    private static TypeCoverage Points(UnitFacts f) => CoverageRules.Compute(f).Of(FacilityType.VillagePoint);

    [Fact]
    public void 每个行政村至少1个互助养老点_运营且达标数够即已覆盖() =>
        Assert.Equal(CoverageStates.Covered, Points(Facts(12, operating: 12, planned: 9, toConfirm: false)).State);

    [Fact]
    public void 尚未建成但规划建成后够数为规划覆盖() =>
        Assert.Equal(CoverageStates.CoveredByPlan, Points(Facts(3, operating: 1, planned: 3, toConfirm: false)).State);

    [Fact]
    public void 已确认的规划建成后仍不够为规划缺口() =>
        Assert.Equal(CoverageStates.PlanGap, Points(Facts(12, operating: 3, planned: 9, toConfirm: false)).State);

    [Fact]
    public void 规划不够但规划行待确认时为待确认_不是规划缺口()
    {
        var unit = CoverageRules.Compute(Facts(12, operating: 0, planned: 9, toConfirm: true));
        Assert.Equal(CoverageStates.ToConfirm, unit.Of(FacilityType.VillagePoint).State);
        Assert.DoesNotContain(unit.Gaps, g => g.Kind == "plan");
        Assert.Contains(unit.Gaps, g => g.Kind == "to-confirm" && g.Missing == 3);
    }

    [Fact]
    public void 行政村数未录入为数据缺失() =>
        Assert.Equal(CoverageStates.DataMissing, Points(Facts(null, operating: 0, planned: 9, toConfirm: false)).State);

    [Fact]
    public void 运营中未达附件1标准的设施不计入覆盖_另列为运营中未达标()
    {
        var c = Points(Facts(3, operating: 0, planned: 3, toConfirm: false, notCompliant: 3));
        Assert.Equal(0, c.Operating);
        Assert.Equal(3, c.NotCompliant);
        Assert.Equal(CoverageStates.CoveredByPlan, c.State);
    }

    [Fact]
    public void 单位的状态取各类设施中最紧迫的()
    {
        Assert.Equal(CoverageStates.PlanGap, CoverageStates.Worst([CoverageStates.Covered, CoverageStates.PlanGap, CoverageStates.DataMissing]));
        Assert.Equal(CoverageStates.ToConfirm, CoverageStates.Worst([CoverageStates.DataMissing, CoverageStates.ToConfirm]));
        Assert.Equal(CoverageStates.DataMissing, CoverageStates.Worst([CoverageStates.CoveredByPlan, CoverageStates.DataMissing]));
    }

    [Fact]
    public void 每种状态有自己的文字和颜色() =>
        Assert.Equal(5, CoverageStates.BySeverity.Select(s => (CoverageStates.Label(s), CoverageStates.Tone(s))).Distinct().Count());

    [Fact]
    public void 无数据的指标为数据缺失_有数据未达目标为未达标()
    {
        Assert.Equal("no-data", new Kpi("k", "n", null, 1, default, false, "ratio", "").Status);
        Assert.Equal("not-met", new Kpi("k", "n", 0.5, 1, default, false, "ratio", "").Status);
        Assert.Equal("met", new Kpi("k", "n", 1, 1, default, true, "ratio", "").Status);
    }
}
