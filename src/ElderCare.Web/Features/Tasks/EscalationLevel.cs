using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Tasks;

/// <summary>
/// A level of the escalation of an overdue task, as data (三(一): 倒排工期、打表推进; 失职照单问责): from so many days
/// overdue the task goes up to this recipient. The policy gives no days; the seeded levels are placeholders (待确认, ADR 23).
/// <see cref="Id"/> is the level number (1, 2, …).
/// </summary>
public sealed class EscalationLevel
{
    public int Id { get; init; }
    public int DaysOverdue { get; set; }
    public required string Recipient { get; set; }

    /// <summary>The role whose to-do centre shows the escalated task (in-app notification).</summary>
    public Role NotifyRole { get; set; }

    /// <summary>True while the district has not confirmed the days (待确认).</summary>
    public bool ToConfirm { get; set; }

    public required string Source { get; set; }

    /// <summary>The seeded levels: 1 day → the town's lead, 7 days → the district bureau, 30 days → the leading group office.</summary>
    public static readonly EscalationLevel[] Seed =
    [
        new() { Id = 1, DaysOverdue = 1, Recipient = "镇街分管负责人", NotifyRole = Role.TownOfficer, ToConfirm = true, Source = Placeholders.Source },
        new() { Id = 2, DaysOverdue = 7, Recipient = "区民政局", NotifyRole = Role.DistrictStaff, ToConfirm = true, Source = Placeholders.Source },
        new()
        {
            Id = 3, DaysOverdue = 30, Recipient = "区社区居家养老服务全覆盖工作领导小组办公室", NotifyRole = Role.DistrictAdmin, ToConfirm = true,
            Source = Placeholders.Source,
        },
    ];
}

internal sealed class EscalationLevelConfiguration : IEntityTypeConfiguration<EscalationLevel>
{
    public void Configure(EntityTypeBuilder<EscalationLevel> e)
    {
        e.ToTable("TaskEscalationLevels");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Recipient).HasMaxLength(100);
        e.Property(x => x.NotifyRole).HasMaxLength(20);
        e.Property(x => x.Source).HasMaxLength(200);
        e.HasData(EscalationLevel.Seed);
    }
}
