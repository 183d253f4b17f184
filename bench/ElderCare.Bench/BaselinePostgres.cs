using Npgsql;

namespace ElderCare.Bench;

/// <summary>
/// <see cref="BaselineSql"/>'s hand-written coverage and KPI baselines in PostgreSQL's dialect, for a district (a 6-digit
/// region prefix) of a city-wide database, computing what GET /api/coverage?regionCode= and GET /api/kpis?regionCode=
/// compute there: the district's streets and towns, its facilities and plan rows, the priority elders of its streets and
/// towns (by unit, as GetKpis reads them); the 15-minute circle walks to the nearest facility anywhere (二(四), GetReach).
/// </summary>
public static class BaselinePostgres
{
    /// <summary>
    /// Facilities operating on @asOf whose region lies under @within ('' for everywhere) with <c>compliant</c>, the 附件1
    /// rules of <see cref="BaselineSql"/> (a village point a dedicated room, the others the minimum floor area — the small
    /// community's for its station —, the minimum beds, every required zone; no standard in force: compliant); then per
    /// unit and type of the @prefix units the counts and sums, and the (unit, type) cells with what each requires.
    /// </summary>
    private const string CellsCte = """
        operating_facility AS (
            SELECT f."UnitCode", f."Type", f."OperationMode", f."MedicalCareMode", f."Beds_Total", f."Beds_Nursing", f."Latitude", f."Longitude",
                   s."Id" IS NULL OR (
                       CASE WHEN f."Type" = 'VillagePoint' THEN f."FloorArea" > 0
                            ELSE f."FloorArea" >= CASE WHEN f."Type" = 'CommunityStation' AND f."SmallCommunity"
                                                            AND s."MinFloorAreaSmallCommunity" IS NOT NULL
                                                       THEN s."MinFloorAreaSmallCommunity" ELSE s."MinFloorArea" END END
                       AND (s."MinBeds" <= 0 OR f."Beds_Total" >= s."MinBeds")
                       AND s."RequiredZones" <@ f."Zones") AS compliant
            FROM "Facilities" f
            LEFT JOIN LATERAL (SELECT * FROM "ConstructionStandards" l WHERE l."Type" = f."Type" AND l."EffectiveFrom" <= @asOf
                               ORDER BY l."EffectiveFrom" DESC LIMIT 1) s ON true
            WHERE starts_with(f."RegionCode", @within) AND f."OpenedOn" <= @asOf
              AND (SELECT c."Status" FROM "FacilityStatusChanges" c WHERE c."FacilityId" = f."Id" AND c."On" <= @asOf
                   ORDER BY c."On" DESC, c."RecordedAt" DESC LIMIT 1) = 'Operating'),
        operating AS (
            SELECT "UnitCode", "Type", count(*) AS n, count(*) FILTER (WHERE compliant) AS compliant,
                   count(*) FILTER (WHERE "OperationMode" <> 'Government') AS socialized,
                   count(*) FILTER (WHERE "MedicalCareMode" <> 'None') AS medical,
                   count(*) FILTER (WHERE "MedicalCareMode" = 'Integrated') AS integrated,
                   sum("Beds_Total") AS beds, sum("Beds_Nursing") AS nursing
            FROM operating_facility WHERE starts_with("UnitCode", @prefix) GROUP BY "UnitCode", "Type"),
        children AS (
            SELECT "ParentCode", count(*) FILTER (WHERE "Kind" = 'Community') AS communities, count(*) FILTER (WHERE "Kind" = 'Village') AS villages
            FROM "Regions" WHERE "Kind" IN ('Community', 'Village') AND starts_with("Code", @prefix) GROUP BY "ParentCode"),
        units AS (
            SELECT r."Code", r."Name", r."Kind",
                   -- 每个社区/行政村至少1个: the larger of the entered figure and the registered count; unknown if neither
                   CASE WHEN r."CommunityCount" IS NULL AND coalesce(ch.communities, 0) = 0 THEN NULL
                        ELSE greatest(r."CommunityCount", ch.communities, 0) END AS communities,
                   CASE WHEN r."VillageCount" IS NULL AND coalesce(ch.villages, 0) = 0 THEN NULL
                        ELSE greatest(r."VillageCount", ch.villages, 0) END AS villages
            FROM "Regions" r LEFT JOIN children ch ON ch."ParentCode" = r."Code"
            WHERE r."Kind" IN ('Street', 'Town') AND starts_with(r."Code", @prefix)),
        types("Type", ord) AS (VALUES ('StreetCenter', 0), ('CommunityStation', 1), ('TownCenter', 2), ('VillagePoint', 3)),
        cells AS (
            SELECT u."Code", u."Name", u."Kind", t."Type", t.ord,
                   CASE t."Type" WHEN 'StreetCenter' THEN (u."Kind" = 'Street')::int
                                 WHEN 'TownCenter' THEN (u."Kind" = 'Town')::int
                                 WHEN 'CommunityStation' THEN u.communities
                                 ELSE u.villages END AS required,
                   coalesce(o.compliant, 0) AS operating
            FROM units u CROSS JOIN types t
            LEFT JOIN operating o ON o."UnitCode" = u."Code" AND o."Type" = t."Type")
        """;

    public const string CoverageSql = "WITH " + CellsCte + """
        ,
        plan AS (
            SELECT p."UnitCode", p."Type", p."ToConfirm",
                   coalesce(p."Existing", 0) + coalesce((SELECT sum((y ->> 'Count')::int) FROM jsonb_array_elements(p."Years") y), 0)
                       + coalesce(p."ExistingOrPlanned", 0) AS total
            FROM "PlanLines" p WHERE starts_with(p."UnitCode", @prefix))
        SELECT c."Code", c."Name", c."Kind", c."Type", c.required::int, p.total::int AS planned, c.operating::int,
               (CASE WHEN c.operating < c.required THEN c.required - c.operating END)::int AS operating_gap,
               (CASE WHEN p.total < c.required THEN c.required - p.total END)::int AS plan_gap,
               -- short of the plan while short of standard facilities too, an unconfirmed plan row is 待确认 (CoverageRules.State)
               CASE WHEN c.operating < c.required AND p."ToConfirm" THEN 'to-confirm' ELSE 'plan' END AS plan_gap_kind,
               bool_and(c.required IS NOT NULL AND c.operating >= c.required) OVER (PARTITION BY c."Code") AS covered
        FROM cells c LEFT JOIN plan p ON p."UnitCode" = c."Code" AND p."Type" = c."Type"
        ORDER BY c."Code", c.ord
        """;

    /// <summary>
    /// The KPIs in one statement, one pass over the priority elders: the circle's row carries the located priority elders'
    /// homes and the circle facilities (operating, compliant, a home-care type, located: everywhere) for the walk
    /// (<see cref="BaselineSql.Circle"/>); its value is measured in C#.
    /// </summary>
    public const string KpisSql = "WITH " + CellsCte + """
        ,
        facts AS (
            SELECT sum(n) FILTER (WHERE "Type" IN ('StreetCenter', 'CommunityStation')) AS urban,
                   sum(socialized) FILTER (WHERE "Type" IN ('StreetCenter', 'CommunityStation')) AS urban_socialized,
                   sum(n) FILTER (WHERE "Type" IN ('TownCenter', 'VillagePoint')) AS rural,
                   sum(socialized) FILTER (WHERE "Type" IN ('TownCenter', 'VillagePoint')) AS rural_socialized,
                   sum(n) AS n, sum(medical) AS medical, sum(integrated) AS integrated, sum(beds) AS beds, sum(nursing) AS nursing
            FROM operating),
        coverage AS (
            SELECT "Type", sum(least(operating, required)) AS covered, sum(required) AS required
            FROM cells WHERE required > 0 GROUP BY "Type"),
        priority_elders AS (
            SELECT e."LastAssessedOn" > @asOf - interval '12 months'
                       AND (e."ConditionChangedOn" IS NULL OR e."ConditionChangedOn" <= e."LastAssessedOn") AS assessed,
                   e."LastAssessedOn" > @asOf - interval '12 months'
                       AND (e."ConditionChangedOn" IS NULL OR e."ConditionChangedOn" <= e."LastAssessedOn")
                       -- the last verified visit's window started within 3 months (China midnight 3 months before the date)
                       AND e."LastVerifiedVisitAt" >= (@asOf - interval '3 months')::timestamp AT TIME ZONE 'Asia/Shanghai' AS served,
                   e."Latitude", e."Longitude"
            FROM "Elders" e
            -- the district's streets' and towns' elders by the unit index, as GetKpis reads them
            WHERE e."UnitCode" IN (SELECT "Code" FROM units) AND e."Status" = 'Active' AND
        """ + PriorityElder + """
        ),
        kpi("Key", value) AS (
            SELECT 'socialized-operation-urban', urban_socialized::float8 / nullif(urban, 0) FROM facts
            UNION ALL SELECT 'socialized-operation-rural', rural_socialized::float8 / nullif(rural, 0) FROM facts
            UNION ALL SELECT 'medical-care-capability', medical::float8 / nullif(n, 0) FROM facts
            UNION ALL SELECT 'nursing-bed-share', nursing::float8 / nullif(beds, 0) FROM facts
            UNION ALL SELECT 'medical-care-institutions', coalesce(integrated, 0)::float8 FROM facts
            UNION ALL SELECT m."Key", (SELECT covered::float8 / required FROM coverage c WHERE c."Type" = m."Type")
            FROM (VALUES ('street-center-coverage', 'StreetCenter'), ('community-station-coverage', 'CommunityStation'),
                         ('town-center-coverage', 'TownCenter'), ('village-point-coverage', 'VillagePoint')) m("Key", "Type")
            UNION ALL SELECT 'priority-elders-assessed', (count(*) FILTER (WHERE assessed))::float8 / nullif(count(*), 0) FROM priority_elders
            UNION ALL SELECT 'priority-elders-served', (count(*) FILTER (WHERE served))::float8 / nullif(count(*), 0) FROM priority_elders
            -- 二(四) the share of priority elders within the 15-minute circle: a walk, measured in C# from the points below
            UNION ALL SELECT 'priority-elders-in-circle', NULL),
        circle_facility AS (
            SELECT "Latitude", "Longitude" FROM operating_facility
            WHERE compliant AND "Type" IN ('StreetCenter', 'CommunityStation', 'TownCenter', 'VillagePoint')
              AND "Latitude" IS NOT NULL AND "Longitude" IS NOT NULL),
        points AS (
            SELECT coalesce(array_agg("Latitude"), '{}') AS home_lat, coalesce(array_agg("Longitude"), '{}') AS home_lng,
                   (SELECT coalesce(array_agg("Latitude"), '{}') FROM circle_facility) AS facility_lat,
                   (SELECT coalesce(array_agg("Longitude"), '{}') FROM circle_facility) AS facility_lng
            FROM priority_elders WHERE "Latitude" IS NOT NULL AND "Longitude" IS NOT NULL),
        target AS (
            SELECT t."Key", t."Target", t."Deadline" FROM "KpiTargets" t
            WHERE t."EffectiveFrom" = (SELECT max(l."EffectiveFrom") FROM "KpiTargets" l WHERE l."Key" = t."Key" AND l."EffectiveFrom" <= @asOf)
            -- ADR 23 placeholder (二(四) gives no figure), in force until the district seeds a target of its own
            UNION ALL SELECT 'priority-elders-in-circle', 0.9, DATE '2022-12-31'
            WHERE NOT EXISTS (SELECT 1 FROM "KpiTargets" WHERE "Key" = 'priority-elders-in-circle' AND "EffectiveFrom" <= @asOf))
        SELECT k."Key", k.value, t."Target", to_char(t."Deadline", 'YYYY-MM-DD'),
               coalesce(t."Target" IS NOT NULL AND k.value IS NOT NULL AND k.value >= t."Target" - 1e-9, false) AS met,
               p.home_lat, p.home_lng, p.facility_lat, p.facility_lng
        FROM kpi k LEFT JOIN target t ON t."Key" = k."Key" LEFT JOIN points p ON k."Key" = 'priority-elders-in-circle'
        """;

    /// <summary>
    /// The priority groups in force in the municipal data set (its PriorityRules: the seeded nine, as <see cref="BaselineSql"/>): 高龄 80
    /// or over, 失能 level 2 or more and 半失能 level 1, 留守, 独居/空巢, and the categories 特困, 失独, 低保/低保边缘, 残疾.
    /// </summary>
    private const string PriorityElder = """
        (e."BirthDate" <= @asOf - interval '80 years' OR e."CurrentLevel" >= 2 OR e."CurrentLevel" = 1
                   OR e."LivingArrangement" IN ('LeftBehind', 'Alone', 'EmptyNest')
                   OR e."Categories" && ARRAY['ExtremePoverty', 'LostOnlyChild', 'Subsistence', 'LowIncomeEdge', 'Disabled']::text[])
        """;

    public static async Task<List<CoverageCell>> CoverageAsync(string connectionString, DateOnly asOf, string district)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = Command(conn, CoverageSql, asOf, district, district);
        return await BaselineSql.CellsAsync(cmd);
    }

    public static async Task<List<KpiValue>> KpisAsync(string connectionString, DateOnly asOf, string district)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = Command(conn, KpisSql, asOf, district, "");
        await using var r = await cmd.ExecuteReaderAsync();
        var kpis = new List<KpiValue>(12);
        while (await r.ReadAsync())
        {
            var kpi = BaselineSql.Kpi(r);
            if (!r.IsDBNull(5))
            {
                var circle = BaselineSql.Circle(r.GetFieldValue<double[]>(5), r.GetFieldValue<double[]>(6), r.GetFieldValue<double[]>(7),
                    r.GetFieldValue<double[]>(8));
                // met as the statement decides it for the other KPIs
                kpi = kpi with { Value = circle, Met = kpi.Target is { } t && circle is { } v && v >= t - 1e-9 };
            }
            kpis.Add(kpi);
        }
        return kpis;
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, DateOnly asOf, string prefix, string within)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("asOf", asOf);
        cmd.Parameters.AddWithValue("prefix", prefix);
        cmd.Parameters.AddWithValue("within", within);
        return cmd;
    }
}
