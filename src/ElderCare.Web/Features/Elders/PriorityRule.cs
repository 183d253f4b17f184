using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// Who belongs to a priority group, as data with the date it takes effect (ADR 0018). An elder is in the group when
/// every condition that is set holds: age ≥ <see cref="MinAge"/>; capability level within
/// [<see cref="MinLevel"/>, <see cref="MaxLevel"/>]; living arrangement one of <see cref="LivingArrangements"/>;
/// one of <see cref="Categories"/>. A rule with <see cref="Active"/> false takes the group out from its date.
/// </summary>
public sealed class PriorityRule
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public PriorityGroup Group { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public required string Name { get; set; }
    public int? MinAge { get; set; }
    public int? MinLevel { get; set; }
    public int? MaxLevel { get; set; }
    public List<LivingArrangement> LivingArrangements { get; set; } = [];
    public List<ElderCategory> Categories { get; set; } = [];
    public bool Active { get; set; } = true;
    public required string Source { get; set; }
    public string? ChangedBy { get; set; }
    public DateTime? ChangedAt { get; set; }

    /// <summary>The rule in words, as shown to users.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (MinAge is { } a) parts.Add($"年满{a}周岁");
        if (MinLevel is { } min && MaxLevel is { } max) parts.Add(min == max ? $"能力评估为{min}级" : $"能力评估为{min}–{max}级");
        else if (MinLevel is { } m) parts.Add($"能力评估为{m}级及以上");
        else if (MaxLevel is { } x) parts.Add($"能力评估为{x}级及以下");
        if (LivingArrangements.Count > 0) parts.Add("居住情况为" + string.Join("或", LivingArrangements.Select(ElderLabels.Of)));
        if (Categories.Count > 0) parts.Add("属于" + string.Join("或", Categories.Select(ElderLabels.Of)));
        return parts.Count == 0 ? "（无条件）" : string.Join("，且", parts);
    }
}

internal sealed class PriorityRuleConfiguration : IEntityTypeConfiguration<PriorityRule>
{
    public void Configure(EntityTypeBuilder<PriorityRule> e)
    {
        e.Property(r => r.Group).HasMaxLength(40);
        e.Property(r => r.Name).HasMaxLength(40);
        e.Property(r => r.Source).HasMaxLength(200);
        e.Property(r => r.ChangedBy).HasMaxLength(100);
        e.HasIndex(r => new { r.Group, r.EffectiveFrom }).IsUnique();
    }
}
