using System.Globalization;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;
using NetTopologySuite.Simplify;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// Unit boundaries from a GeoJSON FeatureCollection (养老服务地图): every feature names its region by
/// <c>properties.code</c> (a region in the user's scope — the scope of a read, ADR 19) and carries a Polygon or
/// MultiPolygon, valid (NetTopologySuite) and inside China. Each bad feature is reported under its own key
/// (<c>features[3].geometry</c>) and skipped; the good ones replace their region's boundary, stored with a copy
/// simplified for drawing (<see cref="Tolerance"/>). The file is bounded: bytes while it streams, then features and points.
/// </summary>
public static class ImportBoundaries
{
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const int MaxFeatures = 2_000;
    public const int MaxPoints = 2_000_000;
    public const int MaxFeaturePoints = 200_000;

    /// <summary>The refusal of an oversized file, under the field <c>file</c> (the API answers it with 413).</summary>
    public const string TooLargePrefix = "文件过大";

    /// <summary>China's extent (WGS-84): a boundary outside it is in another coordinate system or another country.</summary>
    public static readonly Envelope China = new(73.0, 136.0, 3.0, 54.0);

    /// <summary>What was saved, and the features refused, each under its key (<c>features[3].properties.code</c>).</summary>
    public sealed record Result(int Saved, IReadOnlyList<string> Codes, int Failed, IDictionary<string, string[]> Errors);

    public static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Display tolerance in degrees by level: about 50 m for a street or town, 10 m for a community or village.</summary>
    public static double Tolerance(RegionKind kind) => kind switch
    {
        RegionKind.District => 0.001,
        RegionKind.Street or RegionKind.Town => 0.0005,
        _ => 0.0001,
    };

    public static async Task<Outcome<Result>> Handle(Stream upload, DataScope scope, string userName, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var bytes = await ReadBoundedAsync(upload, ct);
        if (bytes is null)
            return Outcome<Result>.Invalid("file", $"{TooLargePrefix}：边界文件不能超过 {MaxFileBytes / 1024 / 1024} MB，请简化后或分批上传。");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return Outcome<Result>.Invalid("file", $"文件不是有效的 GeoJSON（第 {(e.LineNumber ?? 0) + 1} 行附近格式错误）。");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != "FeatureCollection" || !root.TryGetProperty("features", out var features)
                || features.ValueKind != JsonValueKind.Array)
                return Outcome<Result>.Invalid("file", "文件应为 GeoJSON FeatureCollection（含 features 数组）。");
            var count = features.GetArrayLength();
            if (count == 0) return Outcome<Result>.Invalid("file", "FeatureCollection 中没有要素（features 为空）。");
            if (count > MaxFeatures) return Outcome<Result>.Invalid("file", $"要素超过 {MaxFeatures:N0} 个，请分批上传。");
            var points = features.EnumerateArray().Sum(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("geometry", out var g)
                && g.ValueKind == JsonValueKind.Object && g.TryGetProperty("coordinates", out var c) ? Positions(c) : 0);
            if (points > MaxPoints) return Outcome<Result>.Invalid("file", $"坐标点超过 {MaxPoints:N0} 个，请简化后或分批上传。");

            var codes = features.EnumerateArray().Select(Code).OfType<string>().Distinct().ToList();
            var regions = new Dictionary<string, RegionKind>(StringComparer.Ordinal);
            foreach (var chunk in codes.Chunk(500))
                foreach (var r in await db.Regions.AsNoTracking().InScope(scope, db).Where(r => chunk.Contains(r.Code))
                             .Select(r => new { r.Code, r.Kind }).ToListAsync(ct))
                    regions[r.Code] = r.Kind;

            var errors = new FieldErrors();
            var good = new Dictionary<string, (Geometry Full, Geometry Display)>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var failed = 0;
            var i = -1;
            foreach (var feature in features.EnumerateArray())
            {
                i++;
                var before = errors.Entries.Count();
                var parsed = Check(feature, i, regions, seen, errors);
                if (parsed is { } p && errors.Entries.Count() == before) good[p.Code] = p.Shapes;
                else failed++;
            }

            var now = clock.UtcNow();
            var stored = await db.UnitBoundaries.Where(b => good.Keys.Contains(b.RegionCode)).ToDictionaryAsync(b => b.RegionCode, ct);
            foreach (var (code, (full, display)) in good)
            {
                var (geometry, shown) = (JsonSerializer.Serialize(full, GeoJson), JsonSerializer.Serialize(display, GeoJson));
                if (stored.TryGetValue(code, out var b))
                {
                    (b.Geometry, b.Display, b.Points, b.UpdatedAt, b.UpdatedBy) = (geometry, shown, full.NumPoints, now, userName);
                    continue;
                }
                db.UnitBoundaries.Add(new UnitBoundary
                {
                    RegionCode = code, Geometry = geometry, Display = shown, Points = full.NumPoints, UpdatedAt = now, UpdatedBy = userName,
                });
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Outcome<Result>.Conflict("上传期间有同一单位的边界被他人同时保存，未保存任何边界，请重新上传。");
            }
            return new Result(good.Count, good.Keys.Order(StringComparer.Ordinal).ToList(), failed, errors.ToDictionary());
        }
    }

    /// <summary>The feature's region code and shapes, or null with its problems added under <c>features[i]…</c>.</summary>
    private static (string Code, (Geometry, Geometry) Shapes)? Check(JsonElement feature, int i, Dictionary<string, RegionKind> regions,
        Dictionary<string, int> seen, FieldErrors errors)
    {
        var key = $"features[{i}]";
        if (feature.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key, $"第 {i + 1} 个要素不是 GeoJSON Feature 对象。");
            return null;
        }
        var code = Code(feature);
        RegionKind kind = default;
        if (code is null) errors.Add($"{key}.properties.code", $"第 {i + 1} 个要素缺少区划代码（properties.code）。");
        else if (!regions.TryGetValue(code, out kind))
            errors.Add($"{key}.properties.code", $"第 {i + 1} 个要素的区划代码 {code} 不存在，或不在您的管辖范围内。");
        else if (seen.TryGetValue(code, out var first))
            errors.Add($"{key}.properties.code", $"第 {i + 1} 个要素的区划代码 {code} 与第 {first + 1} 个要素重复。");
        else seen[code] = i;

        var geometry = Shape(feature, i, errors);
        if (code is null || geometry is null || !regions.ContainsKey(code)) return null;
        var display = TopologyPreservingSimplifier.Simplify(geometry, Tolerance(kind));
        return (code, (geometry, display));
    }

    private static Geometry? Shape(JsonElement feature, int i, FieldErrors errors)
    {
        var key = $"features[{i}].geometry";
        if (!feature.TryGetProperty("geometry", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key, $"第 {i + 1} 个要素缺少边界图形（geometry）。");
            return null;
        }
        if (element.TryGetProperty("coordinates", out var c) && Positions(c) > MaxFeaturePoints)
        {
            errors.Add(key, $"第 {i + 1} 个要素的坐标点超过 {MaxFeaturePoints:N0} 个，请简化后上传。");
            return null;
        }
        Geometry? geometry;
        try
        {
            geometry = element.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException
                                      or NotSupportedException or IndexOutOfRangeException or InvalidCastException)
        {
            errors.Add(key, $"第 {i + 1} 个要素的边界图形无法读取，应为 GeoJSON Polygon 或 MultiPolygon（经度在前、纬度在后）。");
            return null;
        }
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            errors.Add(key, $"第 {i + 1} 个要素的边界图形应为 Polygon 或 MultiPolygon，实际为 {geometry?.GeometryType ?? "空"}。");
            return null;
        }
        if (!China.Contains(geometry.EnvelopeInternal))
        {
            errors.Add(key, $"第 {i + 1} 个要素的边界超出中国范围（经度 73–136、纬度 3–54），请确认坐标为 WGS-84 经纬度且经度在前。");
            return null;
        }
        var valid = new IsValidOp(geometry);
        if (!valid.IsValid)
        {
            var at = valid.ValidationError?.Coordinate;
            var where = at is null ? "" : string.Create(CultureInfo.InvariantCulture, $"（约在经度 {at.X:0.######}、纬度 {at.Y:0.######} 处）");
            errors.Add(key, $"第 {i + 1} 个要素的边界图形无效：{Problem(valid.ValidationError?.ErrorType)}{where}，请在 GIS 软件中修复后重新导出。");
            return null;
        }
        return geometry;
    }

    private static string Problem(TopologyValidationErrors? error) => error switch
    {
        TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection => "边界自相交",
        TopologyValidationErrors.TooFewPoints => "点数太少",
        TopologyValidationErrors.RingNotClosed => "环未闭合",
        TopologyValidationErrors.HoleOutsideShell => "内环在外环之外",
        TopologyValidationErrors.NestedHoles or TopologyValidationErrors.NestedShells => "环相互嵌套",
        TopologyValidationErrors.DisconnectedInteriors => "内部不连通",
        TopologyValidationErrors.InvalidCoordinate => "坐标无效",
        _ => "拓扑错误",
    };

    private static string? Code(JsonElement feature) =>
        feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
        && p.TryGetProperty("code", out var c)
            ? c.ValueKind switch
            {
                JsonValueKind.String => c.GetString()?.Trim() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => c.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Positions in a GeoJSON coordinates array (arrays whose first item is a number).</summary>
    internal static int Positions(JsonElement coordinates)
    {
        if (coordinates.ValueKind != JsonValueKind.Array) return 0;
        var count = 0;
        foreach (var item in coordinates.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number) return 1;
            count += Positions(item);
        }
        return count;
    }

    /// <summary>The upload's bytes, or null as soon as it passes <see cref="MaxFileBytes"/> (never held past it).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
