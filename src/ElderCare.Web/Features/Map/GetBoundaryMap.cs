using System.Text;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// The boundaries of one level — streets and towns (<c>town</c>) or communities and villages (<c>community</c>) — in the
/// user's scope, as a GeoJSON FeatureCollection of the shapes simplified for drawing; properties code, name and level.
/// </summary>
public static class GetBoundaryMap
{
    public const string ContentType = "application/geo+json";

    public static async Task<Outcome<string>> Handle(string? level, DataScope scope, AppDbContext db, CancellationToken ct)
    {
        RegionKind[]? kinds = level switch
        {
            "town" => [RegionKind.Street, RegionKind.Town],
            "community" => [RegionKind.Community, RegionKind.Village],
            _ => null,
        };
        if (kinds is null) return Outcome<string>.Invalid("level", "层级 level 应为 town（镇街）或 community（村社区）。");
        var rows = await db.Regions.AsNoTracking().InScope(scope, db).Where(r => kinds.Contains(r.Kind))
            .Join(db.UnitBoundaries.AsNoTracking(), r => r.Code, b => b.RegionCode, (r, b) => new { r.Code, r.Name, b.Display })
            .OrderBy(x => x.Code).ToListAsync(ct);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("properties");
                json.WriteString("code", row.Code);
                json.WriteString("name", row.Name);
                json.WriteString("level", level);
                json.WriteEndObject();
                json.WritePropertyName("geometry");
                json.WriteRawValue(row.Display, skipInputValidation: true); // written by ImportBoundaries from a parsed geometry
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
