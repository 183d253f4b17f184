using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Regions;

public static class UpdateRegionFigures
{
    /// <summary>The editable inputs of a region: its name and the figures coverage and statistics are computed from.</summary>
    public sealed record Input(string? Name, int? VillageCount, int? CommunityCount, int? Population, int? ElderlyPopulation);

    public static async Task<Outcome<RegionResource>> Handle(string code, Input input, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var region = scope.Covers(code) ? await db.Regions.FirstOrDefaultAsync(r => r.Code == code, ct) : null;
        if (region is null) return Outcome<RegionResource>.NotFound($"区域 {code} 不存在。");
        var errors = new FieldErrors();
        input = input with { Name = errors.Text(input.Name, "name", "名称", FreeText.Name) };
        errors.AddIf(input.Name is not null && (input.Name.Trim().Length == 0 || input.Name.Trim().Length > 100), "name", "名称应为 1 至 100 个字。");
        errors.AddIf(input.VillageCount is < 0 or > 10_000, "villageCount", "行政村数应在 0 至 10000 之间。");
        errors.AddIf(input.CommunityCount is < 0 or > 10_000, "communityCount", "社区数应在 0 至 10000 之间。");
        errors.AddIf(input.Population < 0, "population", "常住人口不能为负数。");
        errors.AddIf(input.ElderlyPopulation < 0, "elderlyPopulation", "老年人口不能为负数。");
        errors.AddIf(input.ElderlyPopulation > input.Population, "elderlyPopulation", "老年人口不能超过常住人口。");
        errors.AddIf(!Region.IsUnit(region.Kind) && (input.VillageCount is not null || input.CommunityCount is not null),
            "villageCount", "行政村数和社区数只在街道或镇一级填写。");
        if (errors.Any) return Outcome<RegionResource>.Invalid(errors);

        if (input.Name is not null) region.Name = input.Name.Trim();
        region.VillageCount = input.VillageCount;
        region.CommunityCount = input.CommunityCount;
        region.Population = input.Population;
        region.ElderlyPopulation = input.ElderlyPopulation;
        await db.SaveChangesAsync(ct);
        return RegionResource.From(region);
    }
}
