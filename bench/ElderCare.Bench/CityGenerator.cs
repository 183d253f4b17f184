using System.Globalization;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Data.Seed;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Bench;

/// <summary>The size of a generated city: counts of streets, towns, communities, villages and facilities.</summary>
public sealed record CityShape(int Streets, int Towns, int Communities, int Villages, int Facilities);

/// <summary>
/// Builds a city-scale SQLite database, deterministically (fixed seed), in the app's own schema: migrated with the
/// app's migrations and seeded with Rongchang (the app would do both at start anyway), then bulk-inserted with
/// parameterised SQL in one transaction. The file is reused while <see cref="Version"/> is unchanged.
/// </summary>
public static class CityGenerator
{
    /// <summary>Bump when the generated data changes; the file name carries it, so an old file is never reused.</summary>
    public const int Version = 1;

    public const int Seed = 20_201_231;

    /// <summary>Chongqing 2020, including the 6 streets and 15 towns of Rongchang that the app seeds itself.</summary>
    public static readonly CityShape Chongqing2020 = new(Streets: 226, Towns: 804, Communities: 3_135, Villages: 8_029, Facilities: 12_000);

    public static string DefaultFile => Path.Combine(BenchPaths.DataDir, $"chongqing-2020-v{Version}.db");

    /// <summary>Chongqing's 38 districts and counties; Rongchang (500153) comes from the app's own seed.</summary>
    private static readonly (string Code, string Name, double Urban)[] Districts =
    [
        ("500101", "万州区", 0.35), ("500102", "涪陵区", 0.3), ("500103", "渝中区", 1.0), ("500104", "大渡口区", 0.7),
        ("500105", "江北区", 0.85), ("500106", "沙坪坝区", 0.75), ("500107", "九龙坡区", 0.6), ("500108", "南岸区", 0.8),
        ("500109", "北碚区", 0.5), ("500110", "綦江区", 0.2), ("500111", "大足区", 0.15), ("500112", "渝北区", 0.55),
        ("500113", "巴南区", 0.4), ("500114", "黔江区", 0.2), ("500115", "长寿区", 0.25), ("500116", "江津区", 0.2),
        ("500117", "合川区", 0.2), ("500118", "永川区", 0.25), ("500119", "南川区", 0.15), ("500120", "璧山区", 0.4),
        ("500151", "铜梁区", 0.15), ("500152", "潼南区", 0.1), ("500154", "开州区", 0.15), ("500155", "梁平区", 0.1),
        ("500156", "武隆区", 0.1), ("500229", "城口县", 0.08), ("500230", "丰都县", 0.08), ("500231", "垫江县", 0.08),
        ("500233", "忠县", 0.08), ("500235", "云阳县", 0.1), ("500236", "奉节县", 0.08), ("500237", "巫山县", 0.06),
        ("500238", "巫溪县", 0.06), ("500240", "石柱县", 0.08), ("500241", "秀山县", 0.06), ("500242", "酉阳县", 0.05),
        ("500243", "彭水县", 0.05),
    ];

    private const string NameChars =
        "龙凤华兴安宁新和平东南西北青石白云金玉长乐永福明德清溪水桥花园山河湖泉江岭坪坝塘湾林松柏桂荷兰梅竹";

    private static readonly DateOnly EarliestOpening = new(2015, 1, 1);
    private static readonly DateOnly LatestOpening = new(2025, 9, 30);
    private static readonly DateOnly LatestChange = new(2025, 11, 28);

    /// <summary>Returns the database file, generating it first unless a file of this generator version exists.</summary>
    public static async Task<string> EnsureAsync(string? file = null, TextWriter? log = null)
    {
        file ??= DefaultFile;
        if (File.Exists(file))
        {
            if (await SchemaChangeAsync(file) is not { } change)
            {
                log?.WriteLine($"City data: reusing {file} (generator v{Version}).");
                return file;
            }
            log?.WriteLine($"City data: regenerating {file}: {change}.");
            SqliteConnection.ClearAllPools();
            DeleteDatabase(file);
            File.Delete(KeyFileOf(file));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".partial";
        DeleteDatabase(temp);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var connection = new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString();

        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options))
        {
            await Database.MigrateAsync(db);
            await RongchangSeed.RunAsync(db);
        }

        await using (var conn = new SqliteConnection(connection))
        {
            await conn.OpenAsync();
            await using (var tx = conn.BeginTransaction())
            {
                new CityWriter(conn, tx, new Random(Seed), Chongqing2020).Write();
                tx.Commit();
            }
            await using var checkpoint = conn.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        DeleteSidecars(temp);
        File.Move(temp, file);
        log?.WriteLine($"City data: generated {file} in {started.Elapsed.TotalSeconds:F1} s (generator v{Version}, seed {Seed}).");
        return file;
    }

    /// <summary>The field-encryption key file the app uses with a city database (kept beside it, never in src/).</summary>
    public static string KeyFileOf(string databaseFile) => databaseFile + ".keys.json";

    /// <summary>Why an existing file cannot be reused: the app's migrations differ from those it was built with; null if it can.</summary>
    private static async Task<string?> SchemaChangeAsync(string file)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var known = db.Database.GetMigrations().ToList();
        return applied.SequenceEqual(known) ? null
            : $"built with migrations [{string.Join(", ", applied)}], the app has [{string.Join(", ", known)}]";
    }

    private static void DeleteDatabase(string file)
    {
        File.Delete(file);
        DeleteSidecars(file);
    }

    private static void DeleteSidecars(string file)
    {
        File.Delete(file + "-wal");
        File.Delete(file + "-shm");
    }

    /// <summary>Row counts per table, for the results.</summary>
    public static async Task<IReadOnlyList<(string Table, string Rows)>> DescribeAsync(string file)
    {
        await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly,
            Pooling = false }.ToString());
        await conn.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        async Task<string> ByGroup(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync();
            var parts = new List<string>();
            while (await r.ReadAsync()) parts.Add($"{r.GetString(0)} {r.GetInt64(1):N0}");
            return string.Join(", ", parts);
        }
        return
        [
            ("Regions", $"{await Scalar("SELECT count(*) FROM Regions"):N0} " +
                $"({await ByGroup("SELECT Kind, count(*) FROM Regions GROUP BY Kind ORDER BY min(length(Code)), Kind")})"),
            ("Facilities", $"{await Scalar("SELECT count(*) FROM Facilities"):N0} " +
                $"({await ByGroup("SELECT Type, count(*) FROM Facilities GROUP BY Type ORDER BY Type")}; " +
                $"status {await ByGroup("SELECT Status, count(*) FROM Facilities GROUP BY Status ORDER BY count(*) DESC")})"),
            ("FacilityStatusChanges", $"{await Scalar("SELECT count(*) FROM FacilityStatusChanges"):N0}"),
            ("PlanLines", $"{await Scalar("SELECT count(*) FROM PlanLines"):N0}"),
            ("KpiTargets", $"{await Scalar("SELECT count(*) FROM KpiTargets"):N0}"),
            ("ConstructionStandards", $"{await Scalar("SELECT count(*) FROM ConstructionStandards"):N0}"),
            ("file size", $"{new FileInfo(file).Length / 1024.0 / 1024.0:F1} MiB"),
        ];
    }

    /// <summary>Writes the synthetic city. One instance, one pass, one random stream: the same seed gives the same rows.</summary>
    private sealed class CityWriter(SqliteConnection conn, SqliteTransaction tx, Random rng, CityShape shape)
    {
        private sealed record Unit(string Code, string Name, RegionKind Kind, List<string> Communities, List<string> Villages)
        {
            public int? CommunityCount { get; set; }
            public int? VillageCount { get; set; }
            public string? CentreId { get; set; }
        }

        private readonly HashSet<string> _usedNames = [];
        private readonly Dictionary<string, string> _names = []; // community/village code → name
        private long _createdMs = new DateTimeOffset(2020, 1, 3, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        public void Write()
        {
            var rongchang = RongchangSeed.Units;
            var streets = shape.Streets - rongchang.Count(u => u.Kind == RegionKind.Street);
            var towns = shape.Towns - rongchang.Count(u => u.Kind == RegionKind.Town);

            // Units per district: streets follow urbanity, towns the rest.
            var size = Districts.Select(_ => 0.6 + rng.NextDouble() * 0.8).ToArray();
            var streetsPer = Allocate(streets, Districts.Select((d, i) => d.Urban * size[i]).ToArray());
            var townsPer = Allocate(towns, Districts.Select((d, i) => (1 - d.Urban) * size[i]).ToArray());

            var regions = new Inserter(conn, tx, "Regions",
                "Code", "Name", "Kind", "ParentCode", "VillageCount", "CommunityCount", "Population", "ElderlyPopulation");
            var units = new List<Unit>();
            for (var d = 0; d < Districts.Length; d++)
            {
                var (code, name, _) = Districts[d];
                var population = 300_000 + rng.Next(1_700_000);
                regions.Add(code, name, nameof(RegionKind.District), null, null, null, population, population * (18 + rng.Next(8)) / 100);
                if (streetsPer[d] > 99 || townsPer[d] > 99) throw new InvalidOperationException("too many units for 3-digit codes");
                for (var s = 1; s <= streetsPer[d]; s++) units.Add(new Unit($"{code}{s:000}", UniqueName("街道"), RegionKind.Street, [], []));
                for (var t = 1; t <= townsPer[d]; t++) units.Add(new Unit($"{code}{100 + t:000}", UniqueName("镇"), RegionKind.Town, [], []));
            }

            // Communities mostly in streets (town seats have a few); villages mostly in towns, some in urban fringes.
            var communitiesPer = Allocate(shape.Communities, units.Select(u =>
                u.Kind == RegionKind.Street ? 3.0 * (0.5 + rng.NextDouble()) : rng.NextDouble() < 0.3 ? 0 : 0.5 * rng.NextDouble()).ToArray());
            var villagesPer = Allocate(shape.Villages, units.Select(u =>
                u.Kind == RegionKind.Town ? 0.5 + rng.NextDouble() : rng.NextDouble() < 0.5 ? 0 : 0.4 * rng.NextDouble()).ToArray());
            for (var i = 0; i < units.Count; i++)
            {
                var u = units[i];
                for (var c = 1; c <= communitiesPer[i]; c++) u.Communities.Add($"{u.Code}{c:000}");
                for (var v = 1; v <= villagesPer[i]; v++) u.Villages.Add($"{u.Code}{200 + v:000}");
                if (villagesPer[i] > 799) throw new InvalidOperationException("too many villages for 3-digit codes");
                u.CommunityCount = EnteredFigure(u.Communities.Count);
                u.VillageCount = EnteredFigure(u.Villages.Count);
                var population = 10_000 + rng.Next(90_000);
                regions.Add(u.Code, u.Name, u.Kind.ToString(), u.Code[..6], u.VillageCount, u.CommunityCount,
                    population, population * (18 + rng.Next(12)) / 100);
                foreach (var c in u.Communities)
                    regions.Add(c, _names[c] = UniqueName("社区"), nameof(RegionKind.Community), u.Code, null, null, null, null);
                foreach (var v in u.Villages)
                    regions.Add(v, _names[v] = UniqueName("村"), nameof(RegionKind.Village), u.Code, null, null, null, null);
            }

            WritePlan(units);
            WriteFacilities(units);
        }

        /// <summary>The unit's entered figure: usually the registered count, sometimes more or less, sometimes not entered.</summary>
        private int? EnteredFigure(int registered)
        {
            var r = rng.NextDouble();
            return r switch
            {
                < 0.12 => null,
                < 0.22 => registered + 1 + rng.Next(3),
                < 0.27 => Math.Max(0, registered - 1),
                _ => registered,
            };
        }

        private void WritePlan(List<Unit> units)
        {
            var plan = new Inserter(conn, tx, "PlanLines", "UnitCode", "Type", "Existing", "ToConfirm", "Note", "Years");
            foreach (var u in units)
            {
                var centre = u.Kind == RegionKind.Street ? FacilityType.StreetCenter : FacilityType.TownCenter;
                PlanLine(plan, u, centre, 1);
                PlanLine(plan, u, FacilityType.CommunityStation, Math.Max(u.CommunityCount ?? 0, u.Communities.Count));
                PlanLine(plan, u, FacilityType.VillagePoint, Math.Max(u.VillageCount ?? 0, u.Villages.Count));
            }
        }

        /// <summary>A plan line aiming near what is required (some short of it, some over), split over existing and years.</summary>
        private void PlanLine(Inserter plan, Unit u, FacilityType type, int required)
        {
            var shortfall = rng.NextDouble() switch { < 0.08 => -2, < 0.2 => -1, < 0.9 => 0, _ => 1 };
            var target = Math.Max(0, required + shortfall);
            int? existing = rng.NextDouble() < 0.15 ? null : (int)Math.Round(target * (0.3 + rng.NextDouble() * 0.6));
            var toBuild = target - (existing ?? 0);
            var years = new List<Dictionary<string, int?>>();
            int?[] choices = [2019, 2020, 2021, 2022, null];
            var slots = toBuild == 0 ? 0 : 1 + rng.Next(Math.Min(3, toBuild));
            var picked = choices.OrderBy(_ => rng.Next()).Take(slots).OrderBy(y => y ?? 9999).ToList();
            for (var i = 0; i < picked.Count; i++)
            {
                var count = i == picked.Count - 1 ? toBuild : 1 + rng.Next(toBuild - (picked.Count - i - 1));
                toBuild -= count;
                years.Add(new() { ["Year"] = picked[i], ["Count"] = count });
            }
            var toConfirm = existing is null || picked.Contains(null);
            plan.Add(u.Code, type.ToString(), existing, toConfirm, toConfirm ? "年份或现有数待确认（合成数据）" : null,
                JsonSerializer.Serialize(years));
        }

        private void WriteFacilities(List<Unit> units)
        {
            var facilities = new Inserter(conn, tx, "Facilities",
                "Id", "Name", "Type", "RegionCode", "UnitCode", "Status", "StatusSince", "FloorArea", "Zones", "OperationMode",
                "OperatorName", "MedicalCareMode", "MedicalPartner", "ColocatedWithHealthStation", "SmallCommunity", "HubFacilityId",
                "Latitude", "Longitude", "Address", "OpenedOn", "Version", "CreatedAt", "UpdatedAt", "Beds_DayCare", "Beds_Nursing", "Beds_Total");
            var changes = new Inserter(conn, tx, "FacilityStatusChanges", "Id", "FacilityId", "Status", "On", "RecordedAt");

            var places = new List<(Unit Unit, FacilityType Type, string Region)>();
            foreach (var u in units)
            {
                var centre = u.Kind == RegionKind.Street ? FacilityType.StreetCenter : FacilityType.TownCenter;
                var n = rng.NextDouble() switch { < 0.06 => 0, < 0.95 => 1, _ => 2 };
                for (var i = 0; i < n; i++) places.Add((u, centre, u.Code));
            }
            // The rest split between stations and points in proportion to communities and villages, one per place
            // first (a few places get none), then any surplus on random places.
            var rest = shape.Facilities - places.Count;
            var stations = (int)Math.Round(rest * (double)shape.Communities / (shape.Communities + shape.Villages));
            AddPlaces(places, units.SelectMany(u => u.Communities.Select(c => (u, c))).ToList(), FacilityType.CommunityStation, stations);
            AddPlaces(places, units.SelectMany(u => u.Villages.Select(v => (u, v))).ToList(), FacilityType.VillagePoint, rest - stations);

            foreach (var (unit, type, region) in places)
                WriteFacility(facilities, changes, unit, type, region);
        }

        private void AddPlaces(List<(Unit, FacilityType, string)> places, List<(Unit Unit, string Code)> regions, FacilityType type, int count)
        {
            var order = regions.OrderBy(_ => rng.Next()).ToList();
            for (var i = 0; i < count; i++)
            {
                var (unit, code) = i < order.Count ? order[i] : order[rng.Next(order.Count)];
                places.Add((unit, type, code));
            }
        }

        private void WriteFacility(Inserter facilities, Inserter changes, Unit unit, FacilityType type, string region)
        {
            var centre = type is FacilityType.StreetCenter or FacilityType.TownCenter;
            var urban = type is FacilityType.StreetCenter or FacilityType.CommunityStation;
            _createdMs += 60_000 + rng.Next(3_600_000);
            var created = DateTimeOffset.FromUnixTimeMilliseconds(_createdMs).UtcDateTime;
            var id = GuidV7(_createdMs);
            if (centre) unit.CentreId ??= id;

            var status = rng.NextDouble() switch
            {
                < 0.80 => FacilityStatus.Operating,
                < 0.86 => FacilityStatus.Closed,
                < 0.89 => FacilityStatus.Suspended,
                < 0.95 => FacilityStatus.UnderConstruction,
                _ => FacilityStatus.Planned,
            };
            var (opened, history) = History(status);
            // A few operating records miss their opening date (data entry), so they never count as operating.
            if (status == FacilityStatus.Operating && rng.NextDouble() < 0.005) opened = null;

            var beds = type switch
            {
                FacilityType.StreetCenter => Beds(20, 80, 0.3, 0.8, 5, 20),
                FacilityType.TownCenter => Beds(15, 120, 0.2, 0.7, 0, 10),
                FacilityType.CommunityStation => Beds(0, 12, 0, 0.3, 0, 12),
                _ => Beds(0, 6, 0, 0, 0, 6),
            };
            var mode = Pick<OperationMode>(urban
                ? [(OperationMode.Government, 0.12), (OperationMode.PublicPrivate, 0.55), (OperationMode.PrivateSubsidized, 0.2),
                    (OperationMode.Private, 0.13)]
                : [(OperationMode.Government, 0.45), (OperationMode.PublicPrivate, 0.35), (OperationMode.PrivateSubsidized, 0.12),
                    (OperationMode.Private, 0.08)]);
            var medical = Pick<MedicalCareMode>(centre
                ? [(MedicalCareMode.None, 0.05), (MedicalCareMode.Agreement, 0.45), (MedicalCareMode.Embedded, 0.35),
                    (MedicalCareMode.Integrated, 0.15)]
                : [(MedicalCareMode.None, 0.2), (MedicalCareMode.Agreement, 0.7), (MedicalCareMode.Embedded, 0.09),
                    (MedicalCareMode.Integrated, 0.01)]);
            var zones = Enum.GetValues<Zone>().Where(_ => rng.NextDouble() < (centre ? 0.85 : 0.5)).Select(z => z.ToString()).ToList();
            var floor = type switch
            {
                FacilityType.StreetCenter => 1200 + rng.Next(1800),
                FacilityType.TownCenter => 600 + rng.Next(900),
                FacilityType.CommunityStation => 150 + rng.Next(450),
                _ => 30 + rng.Next(170),
            };
            var hub = !centre && unit.CentreId is not null && rng.NextDouble() < 0.4 ? unit.CentreId : null;
            var regionName = _names.GetValueOrDefault(region, unit.Name);
            var name = type switch
            {
                FacilityType.StreetCenter => $"{unit.Name}养老服务中心",
                FacilityType.TownCenter => $"{unit.Name}养老服务中心",
                FacilityType.CommunityStation => $"{regionName}养老服务站",
                _ => $"{regionName}互助养老点",
            };
            var (lastStatus, since) = history[^1];
            facilities.Add(id, name, type.ToString(), region, unit.Code, lastStatus.ToString(), Date(since), (double)floor,
                JsonSerializer.Serialize(zones), mode.ToString(),
                mode == OperationMode.Government ? null : $"{unit.Name}颐养服务有限公司",
                medical.ToString(), medical == MedicalCareMode.None ? null : $"{unit.Name}卫生院",
                rng.NextDouble() < 0.3, type == FacilityType.CommunityStation && rng.NextDouble() < 0.1, hub,
                28.2 + rng.NextDouble() * 4, 105.3 + rng.NextDouble() * 4.9, rng.NextDouble() < 0.8 ? $"{regionName}{1 + rng.Next(200)}号" : null,
                opened is { } o ? Date(o) : null, 1, Instant(created), Instant(created.AddDays(rng.Next(30))),
                beds.DayCare, beds.Nursing, beds.Total);

            var recorded = 0;
            foreach (var (s, on) in history)
            {
                var at = on.ToDateTime(new TimeOnly(1, 0)).AddMinutes(rng.Next(600) + recorded++);
                changes.Add(GuidV7(new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds()), id, s.ToString(), Date(on), Instant(at));
            }
        }

        /// <summary>1–3 status changes, strictly increasing dates, ending in the facility's status.</summary>
        private (DateOnly? Opened, List<(FacilityStatus, DateOnly)> History) History(FacilityStatus final)
        {
            var opened = RandomDate(EarliestOpening, LatestOpening);
            DateOnly Before(DateOnly d, int min, int max) => d.AddDays(-(min + rng.Next(max - min)));
            DateOnly After(DateOnly d, int min, int max)
            {
                var next = d.AddDays(min + rng.Next(max - min));
                return next <= LatestChange ? next : d.AddDays(1 + rng.Next(Math.Max(1, LatestChange.DayNumber - d.DayNumber)));
            }
            var r = rng.NextDouble();
            switch (final)
            {
                case FacilityStatus.Operating when r < 0.5:
                    return (opened, [(FacilityStatus.Operating, opened)]);
                case FacilityStatus.Operating when r < 0.85:
                    return (opened, [(FacilityStatus.UnderConstruction, Before(opened, 60, 400)), (FacilityStatus.Operating, opened)]);
                case FacilityStatus.Operating when r < 0.95:
                    var built = Before(opened, 60, 300);
                    return (opened, [(FacilityStatus.Planned, Before(built, 60, 400)), (FacilityStatus.UnderConstruction, built),
                        (FacilityStatus.Operating, opened)]);
                case FacilityStatus.Operating:
                    // Suspended for a while, then running again.
                    var paused = After(opened, 90, 900);
                    var resumed = After(paused, 30, 300);
                    if (resumed <= paused) return (opened, [(FacilityStatus.Operating, opened)]);
                    return (opened, [(FacilityStatus.Operating, opened), (FacilityStatus.Suspended, paused), (FacilityStatus.Operating, resumed)]);
                case FacilityStatus.Closed or FacilityStatus.Suspended:
                    var ended = After(opened, 120, 1500);
                    return r < 0.3
                        ? (opened, [(FacilityStatus.UnderConstruction, Before(opened, 60, 400)), (FacilityStatus.Operating, opened), (final, ended)])
                        : (opened, [(FacilityStatus.Operating, opened), (final, ended)]);
                case FacilityStatus.UnderConstruction:
                    var start = RandomDate(new DateOnly(2019, 1, 1), LatestChange);
                    return r < 0.5
                        ? (null, [(FacilityStatus.UnderConstruction, start)])
                        : (null, [(FacilityStatus.Planned, Before(start, 30, 500)), (FacilityStatus.UnderConstruction, start)]);
                default:
                    return (null, [(FacilityStatus.Planned, RandomDate(new DateOnly(2019, 1, 1), LatestChange))]);
            }
        }

        private (int Total, int Nursing, int DayCare) Beds(int min, int max, double nursingMin, double nursingMax, int dayMin, int dayMax)
        {
            var total = min + rng.Next(max - min + 1);
            var nursing = (int)(total * (nursingMin + rng.NextDouble() * (nursingMax - nursingMin)));
            return (total, nursing, dayMin + rng.Next(dayMax - dayMin + 1));
        }

        private T Pick<T>((T Value, double Weight)[] choices)
        {
            var r = rng.NextDouble();
            foreach (var (value, weight) in choices)
            {
                if (r < weight) return value;
                r -= weight;
            }
            return choices[^1].Value;
        }

        private DateOnly RandomDate(DateOnly from,
            DateOnly to) => DateOnly.FromDayNumber(from.DayNumber + rng.Next(to.DayNumber - from.DayNumber + 1));

        private string UniqueName(string suffix)
        {
            string name;
            var attempt = 0;
            do
            {
                var length = attempt++ < 20 ? 2 : 3;
                name = string.Concat(Enumerable.Range(0, length).Select(_ => NameChars[rng.Next(NameChars.Length)])) + suffix;
            } while (!_usedNames.Add(name));
            return name;
        }

        /// <summary>A version-7 style id (time-ordered, as Guid.CreateVersion7 makes), from the seeded stream.</summary>
        private string GuidV7(long unixMs)
        {
            Span<byte> random = stackalloc byte[10];
            rng.NextBytes(random);
            var hex = Convert.ToHexString(random);
            var variant = "89AB"[random[2] & 3];
            return $"{unixMs:X12}"[..8] + "-" + $"{unixMs:X12}"[8..] + "-7" + hex[..3] + "-" + variant + hex[4..7] + "-" + hex[8..20];
        }

        // EF Core's SQLite formats: DateOnly as yyyy-MM-dd, DateTime as yyyy-MM-dd HH:mm:ss.FFFFFFF.
        private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Instant(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    /// <summary>Splits a total over weights exactly (largest remainder).</summary>
    internal static int[] Allocate(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var result = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(left))
            result[i]++;
        return result;
    }

    /// <summary>One prepared INSERT, reused for every row of a table.</summary>
    private sealed class Inserter
    {
        private readonly SqliteCommand _command;

        public Inserter(SqliteConnection conn, SqliteTransaction tx, string table, params string[] columns)
        {
            _command = conn.CreateCommand();
            _command.Transaction = tx;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < columns.Length; i++) _command.Parameters.Add(new SqliteParameter("$p" + i, null));
            _command.Prepare();
        }

        public void Add(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            _command.ExecuteNonQuery();
        }
    }
}
