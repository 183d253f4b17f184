using ElderCare.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// One line of the duty list (责任清单, 三(一): 制定"履职照单免责、失职照单问责"责任清单): who (a party, acting in the
/// platform as a role) does what, under which clause. <see cref="UnitCode"/> null = every street and town; a unit may have
/// lines of its own. Seeded from the policy's division of duties.
/// </summary>
public sealed class DutyEntry
{
    public int Id { get; init; }
    public required string Party { get; set; }
    public Role Role { get; set; }
    public string? UnitCode { get; set; }
    public required string Duty { get; set; }
    public required string Clause { get; set; }
    public int Order { get; set; }

    private static DutyEntry Line(int id, string party, Role role, string clause, string duty) =>
        new() { Id = id, Party = party, Role = role, Clause = clause, Duty = duty, Order = id };

    /// <summary>The policy's words, 三(一) (organisation), 三(二) (third-party evaluation), 二(三) (中心带站).</summary>
    public static readonly DutyEntry[] Seed =
    [
        Line(1, "区社区居家养老服务全覆盖工作领导小组", Role.DistrictAdmin, "三(一)", "统筹协调、研究部署、督导推动全区社区居家养老服务全覆盖工作"),
        Line(2, "区社区居家养老服务全覆盖工作领导小组", Role.DistrictAdmin, "三(一)", "每季度通报工作进展情况"),
        Line(3, "区民政局（领导小组办公室）", Role.DistrictStaff, "三(一)", "负责领导小组日常工作；民政等区级部门加强协调配合，各司其职、各尽其责"),
        Line(4, "镇（街道）主要领导", Role.TownOfficer, "三(一)", "履行第一责任主体的责任，亲自研究部署，列出时间表、路线图、任务书和责任人"),
        Line(5, "镇（街道）", Role.TownOfficer, "三(一)", "倒排工期、打表推进，协调解决规划、选址、资金等重难点事项"),
        Line(6, "镇（街道）", Role.TownOfficer, "三(一)", "成立专项工作领导小组，强化考核督导，制定“履职照单免责、失职照单问责”责任清单"),
        Line(7, "镇（街道）", Role.TownOfficer, "三(一)", "加强服务监测分析与发展绩效评价"),
        Line(8, "镇（街道）", Role.TownOfficer, "三(一)", "坚持每月督办社区居家养老服务全覆盖相关工作"),
        Line(9, "镇（街道）", Role.TownOfficer, "三(一)", "每季度向区领导小组报送推进落实情况"),
        Line(10, "镇（街道）", Role.TownOfficer, "三(一)", "整合资源、科学选址，做好项目实施和监督检查工作"),
        Line(11, "镇（街道）", Role.TownOfficer, "三(一)", "认真做好宣传引导工作，营造敬老、为老、助老的良好社会环境"),
        Line(12, "第三方机构", Role.Evaluator, "三(二)", "对各养老服务设施的建设及运营情况进行绩效评估，评估结果作为以奖代补资金拨付的依据"),
        Line(13, "街道养老服务中心运营机构", Role.Operator, "二(三)", "中心带站：统筹运营辖区内社区养老服务站或就近约10个社区养老服务站"),
    ];
}

internal sealed class DutyEntryConfiguration : IEntityTypeConfiguration<DutyEntry>
{
    public void Configure(EntityTypeBuilder<DutyEntry> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Party).HasMaxLength(100);
        e.Property(x => x.Role).HasMaxLength(20);
        e.Property(x => x.UnitCode).HasMaxLength(9);
        e.Property(x => x.Duty).HasMaxLength(300);
        e.Property(x => x.Clause).HasMaxLength(20);
        e.HasIndex(x => x.UnitCode);
        e.HasData(DutyEntry.Seed);
    }
}
