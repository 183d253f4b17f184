using System.Data.Common;
using ElderCare.Web.Features.Map;
using Microsoft.Data.Sqlite;

namespace ElderCare.Bench;

/// <summary>One (unit, type) cell of the coverage report as the hand-written SQL computes it.</summary>
public sealed record CoverageCell(
    string Code, string Name, string Kind, string Type, int? Required, int? Planned, int Operating,
    int? OperatingGap, int? PlanGap, string PlanGapKind, bool Covered);

/// <summary>One KPI as the hand-written SQL computes it (value unrounded; the app rounds to 4 places).</summary>
public sealed record KpiValue(string Key, double? Value, double? Target, string? Deadline, bool Met);

/// <summary>
/// The hand-written baselines: one SQL statement each, computing the numbers GET /api/coverage and GET /api/kpis
/// compute (GetCoverage.LoadUnitFacts + CoverageRules, GetKpis + Kpis), read straight into records.
/// </summary>
public static class BaselineSql
{
    /// <summary>
    /// Facilities operating on $asOf, counted per unit and type with the KPI sums: opened on or before the date and
    /// the latest status change on or before it is Operating (FacilityQueries.OperatingOn). <c>compliant</c> counts
    /// those meeting every required rule of the 附件1 standard in force on the date for their type (Compliance.Check):
    /// a village point needs a dedicated room (floor area above 0), the others the minimum floor area (the small-
    /// community one for a small community's station), and each the minimum beds and every required zone; a type with
    /// no standard in force is compliant. Coverage counts only compliant facilities; the other KPIs count all.
    /// </summary>
    internal const string OperatingCte = """
        operating_facility AS (
            SELECT f.UnitCode, f.Type, f.OperationMode, f.MedicalCareMode, f.Beds_Total, f.Beds_Nursing, f.Latitude, f.Longitude,
                   s.Id IS NULL OR (
                       CASE WHEN f.Type = 'VillagePoint' THEN f.FloorArea > 0
                            ELSE f.FloorArea >= CASE WHEN f.Type = 'CommunityStation' AND f.SmallCommunity
                                                          AND s.MinFloorAreaSmallCommunity IS NOT NULL
                                                     THEN s.MinFloorAreaSmallCommunity ELSE s.MinFloorArea END END
                       AND (s.MinBeds <= 0 OR f.Beds_Total >= s.MinBeds)
                       AND NOT EXISTS (SELECT 1 FROM json_each(s.RequiredZones) z
                                       WHERE z.value NOT IN (SELECT value FROM json_each(f.Zones)))) AS compliant
            FROM Facilities f
            LEFT JOIN ConstructionStandards s ON s.Type = f.Type
                AND s.EffectiveFrom = (SELECT max(l.EffectiveFrom) FROM ConstructionStandards l WHERE l.Type = f.Type AND l.EffectiveFrom <= $asOf)
            WHERE f.OpenedOn IS NOT NULL AND f.OpenedOn <= $asOf
              AND (SELECT c.Status FROM FacilityStatusChanges c
                   WHERE c.FacilityId = f.Id AND c."On" <= $asOf
                   ORDER BY c."On" DESC, c.RecordedAt DESC LIMIT 1) = 'Operating'),
        operating AS (
            SELECT UnitCode, Type,
                   count(*) AS n,
                   sum(compliant) AS compliant,
                   sum(OperationMode <> 'Government') AS socialized,
                   sum(MedicalCareMode <> 'None') AS medical,
                   sum(MedicalCareMode = 'Integrated') AS integrated,
                   sum(Beds_Total) AS beds,
                   sum(Beds_Nursing) AS nursing
            FROM operating_facility
            -- "+" keeps SQLite off IX_Facilities_UnitCode_Type: walking it to skip the GROUP BY sort costs one random
            -- table lookup per facility, about twice the time of a table scan and a small sort (see NOTES.md).
            GROUP BY +UnitCode, Type),
        children AS (
            SELECT ParentCode, sum(Kind = 'Community') AS communities, sum(Kind = 'Village') AS villages
            FROM Regions WHERE Kind IN ('Community', 'Village') GROUP BY ParentCode),
        units AS (
            SELECT r.Code, r.Name, r.Kind,
                   -- 每个社区/行政村至少1个: the larger of the entered figure and the registered count; unknown if neither
                   CASE WHEN r.CommunityCount IS NULL AND coalesce(ch.communities, 0) = 0 THEN NULL
                        ELSE max(coalesce(r.CommunityCount, 0), coalesce(ch.communities, 0)) END AS communities,
                   CASE WHEN r.VillageCount IS NULL AND coalesce(ch.villages, 0) = 0 THEN NULL
                        ELSE max(coalesce(r.VillageCount, 0), coalesce(ch.villages, 0)) END AS villages
            FROM Regions r LEFT JOIN children ch ON ch.ParentCode = r.Code
            WHERE r.Kind IN ('Street', 'Town')),
        types(Type, ord) AS (VALUES ('StreetCenter', 0), ('CommunityStation', 1), ('TownCenter', 2), ('VillagePoint', 3)),
        cells AS (
            SELECT u.Code, u.Name, u.Kind, t.Type, t.ord,
                   CASE t.Type WHEN 'StreetCenter' THEN u.Kind = 'Street'
                               WHEN 'TownCenter' THEN u.Kind = 'Town'
                               WHEN 'CommunityStation' THEN u.communities
                               ELSE u.villages END AS required,
                   coalesce(o.compliant, 0) AS operating
            FROM units u CROSS JOIN types t
            LEFT JOIN operating o ON o.UnitCode = u.Code AND o.Type = t.Type)
        """;

    public const string CoverageSql = "WITH " + OperatingCte + """
        ,
        plan AS (
            SELECT p.UnitCode, p.Type, p.ToConfirm,
                   coalesce(p.Existing, 0) + coalesce((SELECT sum(json_extract(y.value, '$.Count')) FROM json_each(p.Years) y), 0)
                       + coalesce(p.ExistingOrPlanned, 0) AS total
            FROM PlanLines p)
        SELECT c.Code, c.Name, c.Kind, c.Type, c.required, p.total AS planned, c.operating,
               CASE WHEN c.operating < c.required THEN c.required - c.operating END AS operating_gap,
               CASE WHEN p.total < c.required THEN c.required - p.total END AS plan_gap,
               -- short of the plan while short of standard facilities too, an unconfirmed plan row is 待确认 (CoverageRules.State)
               CASE WHEN c.operating < c.required AND p.ToConfirm THEN 'to-confirm' ELSE 'plan' END AS plan_gap_kind,
               min(c.required IS NOT NULL AND c.operating >= c.required) OVER (PARTITION BY c.Code) AS covered
        FROM cells c LEFT JOIN plan p ON p.UnitCode = c.Code AND p.Type = c.Type
        ORDER BY c.Code, c.ord
        """;

    public const string KpisSql = "WITH " + OperatingCte + """
        ,
        facts AS (
            SELECT sum(CASE WHEN Type IN ('StreetCenter', 'CommunityStation') THEN n END) AS urban,
                   sum(CASE WHEN Type IN ('StreetCenter', 'CommunityStation') THEN socialized END) AS urban_socialized,
                   sum(CASE WHEN Type IN ('TownCenter', 'VillagePoint') THEN n END) AS rural,
                   sum(CASE WHEN Type IN ('TownCenter', 'VillagePoint') THEN socialized END) AS rural_socialized,
                   sum(n) AS n, sum(medical) AS medical, sum(integrated) AS integrated,
                   sum(beds) AS beds, sum(nursing) AS nursing
            FROM operating),
        coverage AS (
            SELECT Type, sum(min(operating, required)) AS covered, sum(required) AS required
            FROM cells WHERE required > 0 GROUP BY Type),
        coverage_kpi(Key, Type) AS (
            VALUES ('street-center-coverage', 'StreetCenter'), ('community-station-coverage', 'CommunityStation'),
                   ('town-center-coverage', 'TownCenter'), ('village-point-coverage', 'VillagePoint')),
        kpi(Key, Value) AS (
            SELECT 'socialized-operation-urban', 1.0 * urban_socialized / nullif(urban, 0) FROM facts
            UNION ALL SELECT 'socialized-operation-rural', 1.0 * rural_socialized / nullif(rural, 0) FROM facts
            UNION ALL SELECT 'medical-care-capability', 1.0 * medical / nullif(n, 0) FROM facts
            UNION ALL SELECT 'nursing-bed-share', 1.0 * nursing / nullif(beds, 0) FROM facts
            UNION ALL SELECT 'medical-care-institutions', 1.0 * coalesce(integrated, 0) FROM facts
            UNION ALL SELECT m.Key, (SELECT 1.0 * covered / required FROM coverage WHERE coverage.Type = m.Type) FROM coverage_kpi m
            UNION ALL SELECT 'priority-elders-assessed', 1.0 * sum(assessed) / nullif(count(*), 0) FROM priority_elders
            UNION ALL SELECT 'priority-elders-served', 1.0 * sum(served) / nullif(count(*), 0) FROM priority_elders
            -- 二(四) the share of priority elders within the 15-minute circle: a walk, measured in C# (CircleAsync)
            UNION ALL SELECT 'priority-elders-in-circle', $circle),
        priority_elders AS (
            SELECT CASE WHEN e.LastAssessedOn > date($asOf, '-12 months')
                         AND (e.ConditionChangedOn IS NULL OR e.ConditionChangedOn <= e.LastAssessedOn) THEN 1 ELSE 0 END AS assessed,
                   CASE WHEN e.LastAssessedOn > date($asOf, '-12 months')
                         AND (e.ConditionChangedOn IS NULL OR e.ConditionChangedOn <= e.LastAssessedOn)
                         -- the last verified visit's window started within 3 months ($contactSince: .NET's AddMonths, China midnight in UTC)
                         AND e.LastVerifiedVisitAt >= $contactSince THEN 1 ELSE 0 END AS served
            FROM Elders e
            WHERE e.Status = 'Active' AND
        """ + PriorityElder + """
        ),
        target AS (
            SELECT t.Key, t.Target, t.Deadline FROM KpiTargets t
            WHERE t.EffectiveFrom = (SELECT max(EffectiveFrom) FROM KpiTargets l WHERE l.Key = t.Key AND l.EffectiveFrom <= $asOf)
            -- ADR 23 placeholder (二(四) gives no figure), in force until the district seeds a target of its own
            UNION ALL SELECT 'priority-elders-in-circle', 0.9, '2022-12-31'
            WHERE NOT EXISTS (SELECT 1 FROM KpiTargets WHERE Key = 'priority-elders-in-circle' AND EffectiveFrom <= $asOf))
        SELECT k.Key, k.Value, t.Target, t.Deadline,
               coalesce(t.Target IS NOT NULL AND k.Value IS NOT NULL AND k.Value >= t.Target - 1e-9, 0) AS met
        FROM kpi k LEFT JOIN target t ON t.Key = k.Key
        """;

    public static async Task<List<CoverageCell>> CoverageAsync(string connectionString, string asOf)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = CoverageSql;
        cmd.Parameters.AddWithValue("$asOf", asOf);
        return await CellsAsync(cmd);
    }

    /// <summary>The cells of a coverage statement (<see cref="CoverageSql"/>'s columns, in its order).</summary>
    internal static async Task<List<CoverageCell>> CellsAsync(DbCommand cmd)
    {
        await using var r = await cmd.ExecuteReaderAsync();
        var cells = new List<CoverageCell>(4_200);
        while (await r.ReadAsync())
            cells.Add(new CoverageCell(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                NullableInt(r, 4), NullableInt(r, 5), r.GetInt32(6), NullableInt(r, 7), NullableInt(r, 8), r.GetString(9), r.GetBoolean(10)));
        return cells;
    }

    /// <summary>
    /// The priority groups in force (PriorityRules: the seeded nine, PriorityGroups.Defaults): 高龄 80 or over, 失能 level 2
    /// or more and 半失能 level 1, 留守, 独居/空巢, and the categories 特困, 失独, 低保/低保边缘, 残疾.
    /// </summary>
    private const string PriorityElder = """
        (e.BirthDate <= date($asOf, '-80 years') OR e.CurrentLevel >= 2 OR e.CurrentLevel = 1
                   OR e.LivingArrangement IN ('LeftBehind', 'Alone', 'EmptyNest')
                   OR EXISTS (SELECT 1 FROM json_each(e.Categories) c
                              WHERE c.value IN ('ExtremePoverty', 'LostOnlyChild', 'Subsistence', 'LowIncomeEdge', 'Disabled')))
        """;

    /// <summary>The homes of the active priority elders with a recorded position.</summary>
    private const string PriorityHomesSql = """
        SELECT e.Latitude, e.Longitude FROM Elders e
        WHERE e.Status = 'Active' AND e.Latitude IS NOT NULL AND e.Longitude IS NOT NULL AND
        """ + PriorityElder;

    /// <summary>The facilities that make a circle: operating, compliant, a street/town centre, station or village point, located.</summary>
    private const string CircleFacilitiesSql = "WITH " + OperatingCte + """
        SELECT Latitude, Longitude FROM operating_facility
        WHERE compliant AND Type IN ('StreetCenter', 'CommunityStation', 'TownCenter', 'VillagePoint')
          AND Latitude IS NOT NULL AND Longitude IS NOT NULL
        """;

    /// <summary>二(四) the circle KPI (<see cref="Circle"/>) of the located priority elders' homes and the circle facilities.</summary>
    public static async Task<double?> CircleAsync(SqliteConnection conn, string asOf)
    {
        var (homeLat, homeLng) = await PointsAsync(conn, PriorityHomesSql, asOf);
        var (facilityLat, facilityLng) = await PointsAsync(conn, CircleFacilitiesSql, asOf);
        return Circle(homeLat, homeLng, facilityLat, facilityLng);
    }

    /// <summary>
    /// 二(四): the share of the homes whose walk (straight line × the default detour factor, no road network) to the
    /// nearest facility is within 15 minutes, null without homes — positions read by hand-written SQL, walks by the app's
    /// <see cref="Reach.Walks(IReadOnlyList{double}, IReadOnlyList{double}, PointIndex, WalkingRule, double)"/> (the reach
    /// benchmark checks those against brute force).
    /// </summary>
    public static double? Circle(IReadOnlyList<double> homeLat, IReadOnlyList<double> homeLng, IReadOnlyList<double> facilityLat,
        IReadOnlyList<double> facilityLng)
    {
        var rule = new MapOptions().Walking;
        var walks = Reach.Walks(homeLat, homeLng, new PointIndex(facilityLat, facilityLng), rule, rule.CircleMeters);
        return homeLat.Count == 0 ? null : walks.Count(rule.InCircle) / (double)homeLat.Count;
    }

    private static async Task<(List<double> Lat, List<double> Lng)> PointsAsync(SqliteConnection conn, string sql, string asOf)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$asOf", asOf);
        await using var r = await cmd.ExecuteReaderAsync();
        var (lat, lng) = (new List<double>(), new List<double>());
        while (await r.ReadAsync())
        {
            lat.Add(r.GetDouble(0));
            lng.Add(r.GetDouble(1));
        }
        return (lat, lng);
    }

    public static async Task<List<KpiValue>> KpisAsync(string connectionString, string asOf)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        var circle = await CircleAsync(conn, asOf);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = KpisSql;
        cmd.Parameters.AddWithValue("$asOf", asOf);
        cmd.Parameters.AddWithValue("$circle", circle is { } c ? c : DBNull.Value);
        var since = DateOnly.ParseExact(asOf, "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture).AddMonths(-3).ToDateTime(TimeOnly.MinValue).AddHours(-8);
        cmd.Parameters.AddWithValue("$contactSince", since.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        await using var r = await cmd.ExecuteReaderAsync();
        var kpis = new List<KpiValue>(12);
        while (await r.ReadAsync()) kpis.Add(Kpi(r));
        return kpis;
    }

    /// <summary>One row of a KPI statement (<see cref="KpisSql"/>'s columns: key, value, target, deadline, met).</summary>
    internal static KpiValue Kpi(DbDataReader r) => new(r.GetString(0), r.IsDBNull(1) ? null : r.GetDouble(1),
        r.IsDBNull(2) ? null : r.GetDouble(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetBoolean(4));

    private static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
}
