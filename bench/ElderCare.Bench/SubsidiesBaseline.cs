using System.Data.Common;
using System.Globalization;

namespace ElderCare.Bench;

/// <summary>
/// The hand-written baseline of <c>RaiseClaims.Compute</c>: one SQL statement per kind of amount, the same text on
/// SQLite and PostgreSQL but for two fragments (JSON arrays), computing what <c>Entitlements</c> computes:
/// a facility operates on a day when opened on or before it and its latest status change on or before it is
/// Operating; it is compliant when it meets every required rule of the 附件1 standard in force on the day (as
/// <c>Compliance.Check</c>); a rule is the one in force on the day with the latest start. Amounts in integer fen,
/// prorated half up: (annual × months × factor‰ × 2 + 12,000) / 24,000.
/// </summary>
public static class SubsidiesBaseline
{
    public sealed record Due(string Key, string Kind, long AmountFen, string Fund, Guid? FacilityId, string TownCode, Guid? ElderId, int? Month)
    {
        public override string ToString() =>
            FormattableString.Invariant($"{Key}|{Kind}|{AmountFen}|{Fund}|{FacilityId:N}|{TownCode}|{ElderId:N}|{Month}");
    }

    private static string Rule(string kind, string day, string type = "NULL", string grade = "NULL", string selfCare = "NULL",
        string column = "AmountFen") => $"""
        (SELECT r."{column}" FROM "SubsidyRules" r
         WHERE r."Kind" = '{kind}' AND {Is("r.\"FacilityType\"", type)} AND {Is("r.\"Grade\"", grade)} AND {Is("r.\"SelfCare\"", selfCare)}
           AND r."EffectiveFrom" <= {day} AND (r."EffectiveTo" IS NULL OR r."EffectiveTo" >= {day})
         ORDER BY r."EffectiveFrom" DESC LIMIT 1)
        """;

    private static string Is(string column, string value) => value == "NULL" ? $"{column} IS NULL" : $"{column} = {value}";

    private static string Operating(string day) => $"""
        (f."OpenedOn" <= {day} AND (SELECT c."Status" FROM "FacilityStatusChanges" c
                                     WHERE c."FacilityId" = f."Id" AND c."On" <= {day}
                                     ORDER BY c."On" DESC, c."RecordedAt" DESC LIMIT 1) = 'Operating')
        """;

    private const string SqliteZones =
        "NOT EXISTS (SELECT 1 FROM json_each(s.\"RequiredZones\") z WHERE z.value NOT IN (SELECT value FROM json_each(f.\"Zones\")))";

    private static string Compliant(bool pg) => $"""
        NOT EXISTS (SELECT 1 FROM "ConstructionStandards" s
                    WHERE s."Type" = f."Type"
                      AND s."EffectiveFrom" = (SELECT max(l."EffectiveFrom") FROM "ConstructionStandards" l
                                               WHERE l."Type" = f."Type" AND l."EffectiveFrom" <= @day)
                      AND NOT (CASE WHEN f."Type" = 'VillagePoint' THEN f."FloorArea" > 0
                                    ELSE f."FloorArea" >= CASE WHEN f."Type" = 'CommunityStation' AND f."SmallCommunity"
                                                                    AND s."MinFloorAreaSmallCommunity" IS NOT NULL
                                                               THEN s."MinFloorAreaSmallCommunity" ELSE s."MinFloorArea" END END
                               AND (s."MinBeds" <= 0 OR f."Beds_Total" >= s."MinBeds")
                               AND {(pg ? "s.\"RequiredZones\" <@ f.\"Zones\"" : SqliteZones)}))
        """;

    private const string Accepted = """
        EXISTS (SELECT 1 FROM "EvaluationResults" e WHERE e."FacilityId" = f."Id" AND e."Kind" = 'Acceptance' AND e."Grade" <> 'Fail'
                AND e."Year" <= @year)
        """;

    private static string Construction(bool pg) => $"""
        SELECT f."Id", f."UnitCode", f."Type", {Rule("ConstructionAward", "@day", "f.\"Type\"")}, {Rule("ConstructionAward", "@day", "f.\"Type\"",
            column: "FundingSource")}
        FROM "Facilities" f
        WHERE f."OpenedOn" IS NOT NULL AND f."Type" IN ('StreetCenter', 'CommunityStation') AND {Operating("@day")} AND {Accepted} AND {Compliant(pg)}
          AND {Rule("ConstructionAward", "@day", "f.\"Type\"")} IS NOT NULL
        """;

    private static string Operating(IReadOnlyList<DateOnly> monthEnds) => $"""
        WITH months("End") AS (VALUES {string.Join(", ", monthEnds.Select((_, i) => $"(@m{i + 1})"))}),
        facts AS (
            SELECT f."Id", f."UnitCode",
                   {Rule("OperatingSubsidy", "@yearEnd", "f.\"Type\"")} AS annual,
                   {Rule("OperatingSubsidy", "@yearEnd", "f.\"Type\"", column: "FundingSource")} AS fund,
                   {Rule("GradeFactor", "@yearEnd", grade: "e.\"Grade\"")} AS factor,
                   (SELECT count(*) FROM months m WHERE {Operating("m.\"End\"")}) AS months
            FROM "Facilities" f
            JOIN "EvaluationResults" e ON e."FacilityId" = f."Id" AND e."Kind" = 'Annual' AND e."Year" = @year
            WHERE f."OpenedOn" IS NOT NULL)
        SELECT "Id", "UnitCode", (annual * months * factor * 2 + 12000) / 24000 AS amount, fund
        FROM facts
        WHERE annual IS NOT NULL AND factor IS NOT NULL AND (annual * months * factor * 2 + 12000) / 24000 > 0
        """;

    private static string Town(bool pg) => $"""
        WITH ready AS (
            SELECT f."Id", f."UnitCode", f."Type" FROM "Facilities" f
            WHERE f."OpenedOn" IS NOT NULL AND f."Type" IN ('TownCenter', 'VillagePoint') AND {Operating("@day")} AND {Accepted} AND {Compliant(pg)}),
        towns AS (
            SELECT t."UnitCode",
                   (SELECT r."Id" FROM ready r WHERE r."UnitCode" = t."UnitCode" AND r."Type" = 'TownCenter' ORDER BY r."Id" LIMIT 1) AS centre,
                   (SELECT count(*) FROM ready r WHERE r."UnitCode" = t."UnitCode" AND r."Type" = 'VillagePoint') AS points,
                   coalesce((SELECT coalesce(p."Existing", 0) + coalesce(p."ExistingOrPlanned", 0) + {(pg
                       ? "coalesce((SELECT sum((y->>'Count')::int) FROM jsonb_array_elements(p.\"Years\") y), 0)"
                       : "coalesce((SELECT sum(json_extract(y.value, '$.Count')) FROM json_each(p.\"Years\") y), 0)")}
                             FROM "PlanLines" p WHERE p."UnitCode" = t."UnitCode" AND p."Type" = 'VillagePoint'), 0) AS planned
            FROM (SELECT DISTINCT f."UnitCode" FROM "Facilities" f WHERE f."OpenedOn" IS NOT NULL AND f."Type" = 'TownCenter') t)
        SELECT centre, "UnitCode", {Rule("TownAward", "@day", "'TownCenter'")}, {Rule("TownAward", "@day", "'TownCenter'", column: "FundingSource")}
        FROM towns
        WHERE centre IS NOT NULL AND points >= planned AND {Rule("TownAward", "@day", "'TownCenter'")} IS NOT NULL
        """;

    private static string Placements(IReadOnlyList<DateOnly> monthEnds) => $"""
        WITH months("Month", "End") AS (VALUES {string.Join(", ", monthEnds.Select((_, i) => $"({i + 1}, @m{i + 1})"))}),
        placed AS (
            SELECT p."ElderId", p."FacilityId", p."UnitCode", m."Month", m."End",
                   (SELECT a."Grade" FROM "SecondaryAssessments" a
                    WHERE a."ElderId" = p."ElderId" AND a."Instrument" = 'ExtremePovertySelfCare' AND a."AssessedOn" <= m."End"
                      AND a."Grade" IN ('Capable', 'PartiallyLost', 'FullyLost')
                    ORDER BY a."AssessedOn" DESC LIMIT 1) AS care
            FROM "Placements" p JOIN months m ON p."From" <= m."End" AND (p."To" IS NULL OR p."To" >= m."End")),
        priced AS (
            SELECT "ElderId", "FacilityId", "UnitCode", "Month",
                   {Rule("PlacementBasicLiving", "\"End\"")} AS basic,
                   {Rule("PlacementBasicLiving", "\"End\"", column: "FundingSource")} AS fund,
                   {Rule("PlacementOperating", "\"End\"")} AS operating,
                   {Rule("PlacementNursing", "\"End\"", selfCare: "care")} AS nursing
            FROM placed WHERE care IS NOT NULL)
        SELECT "ElderId", "FacilityId", "UnitCode", "Month", basic + nursing + operating, fund
        FROM priced WHERE basic IS NOT NULL AND operating IS NOT NULL AND nursing IS NOT NULL
        """;

    public static async Task<List<Due>> ComputeAsync(DbConnection connection, bool pg, int year, DateOnly today)
    {
        await using var c = connection;
        await c.OpenAsync();
        var yearEnd = new DateOnly(year, 12, 31);
        var day = yearEnd < today ? yearEnd : today;
        var monthEnds = Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1).AddMonths(1).AddDays(-1)).Where(e => e <= today).ToList();
        var due = new List<Due>();

        async Task Read(string sql, Func<DbDataReader, Due> row)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            void Add(string name, object value)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                cmd.Parameters.Add(p);
            }
            Add("@year", year);
            Add("@day", day);
            Add("@yearEnd", yearEnd);
            for (var i = 0; i < monthEnds.Count; i++) Add($"@m{i + 1}", monthEnds[i]);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) due.Add(row(r));
        }

        Guid Id(DbDataReader r, int i) => r.GetFieldType(i) == typeof(Guid) ? r.GetGuid(i) : Guid.Parse(r.GetString(i));
        await Read(Construction(pg), r => new($"construction:{Id(r, 0):N}", "ConstructionAward", r.GetInt64(3), r.GetString(4), Id(r, 0),
            r.GetString(1), null, null));
        if (monthEnds.Count > 0)
        {
            await Read(Operating(monthEnds), r => new($"operating:{Id(r, 0):N}:{year}", "OperatingSubsidy", r.GetInt64(2), r.GetString(3), Id(r, 0),
                r.GetString(1), null, null));
            await Read(Placements(monthEnds), r => new(
                string.Create(CultureInfo.InvariantCulture, $"placement:{Id(r, 0):N}:{year}-{r.GetInt32(3):00}"), "PlacementFee", r.GetInt64(4),
                r.GetString(5), Id(r, 1), r.GetString(2), Id(r, 0), r.GetInt32(3)));
        }
        await Read(Town(pg), r => new($"town:{r.GetString(1)}", "TownAward", r.GetInt64(2), r.GetString(3), Id(r, 0), r.GetString(1), null, null));
        return due;
    }
}
