using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Regions;

public static class RegisterRegion
{
    public sealed record Input(string? Code, string? Name, string? Kind, string? ParentCode, int? Population, int? ElderlyPopulation);

    /// <summary>Adds a community or village (12 digits) under its street or town, or a street or town under the district.</summary>
    public static async Task<Outcome<RegionResource>> Handle(Input input, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with { Name = errors.Text(input.Name, "name", "名称", FreeText.Name) };
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "请填写名称。");
        else if (name.Length > 100) errors.Add("name", "名称不能超过 100 个字。");
        RegionKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add("kind", "请选择区域类型。");
        else kind = EnumText.Optional<RegionKind>(input.Kind, "kind", errors);
        errors.AddIf(input.Population < 0, "population", "人口数不能为负数。");
        errors.AddIf(input.ElderlyPopulation < 0, "elderlyPopulation", "老年人口数不能为负数。");

        var parentCode = input.ParentCode?.Trim();
        Region? parent = null;
        if (string.IsNullOrEmpty(parentCode)) errors.Add("parentCode", "请选择上级区域。");
        else
        {
            // A parent outside the user's scope reads as unknown.
            parent = scope.Covers(parentCode) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == parentCode, ct) : null;
            if (parent is null) errors.Add("parentCode", $"上级区域 {parentCode} 不存在。");
        }

        if (kind is { } k && parent is not null)
        {
            if (!Region.CanSitUnder(k, parent.Kind))
                errors.Add("kind", $"{Labels.Of(k)}不能设在{Labels.Of(parent.Kind)}之下。");
            else if (code.Length != Region.CodeLength(k) || !code.All(char.IsAsciiDigit) || !code.StartsWith(parent.Code, StringComparison.Ordinal))
                errors.Add("code", $"{Labels.Of(k)}代码应为 {Region.CodeLength(k)} 位数字，并以上级代码 {parent.Code} 开头。");
            else if (code.AsSpan(parent.Code.Length).IndexOfAnyExcept('0') < 0)
                errors.Add("code", "代码的本级部分不能全为 0。");
        }
        if (errors.Any) return Outcome<RegionResource>.Invalid(errors);

        if (await db.Regions.AnyAsync(r => r.Code == code, ct))
            return Outcome<RegionResource>.Conflict($"区域代码 {code} 已存在。");
        var region = new Region
        {
            Code = code, Name = name, Kind = kind!.Value, ParentCode = parent!.Code,
            Population = input.Population, ElderlyPopulation = input.ElderlyPopulation,
        };
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        return RegionResource.From(region);
    }
}
