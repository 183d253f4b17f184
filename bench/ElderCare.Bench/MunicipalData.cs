using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ElderCare.Bench;

/// <summary>What one scale of the municipal data holds and how long it took to build (kept in the database it describes).</summary>
public sealed record MunicipalBuild(int Scale, long Elders, long Workers, long Providers, long Orders, long Alarms,
    Dictionary<string, double> Seconds);

/// <summary>
/// A Chongqing-size data set on PostgreSQL at a fraction of the full size: scale 16 is 7,000,000 elders, 20,000 workers,
/// 30,000,000 past orders over <see cref="Months"/> months and 5,000,000 alarms; scales 4 and 1 are a quarter and a
/// sixteenth of it. Regions, facilities and the plan are the city of <see cref="CityGenerator"/> (12,232 regions,
/// 12,000 facilities, whatever the scale), copied from its SQLite file; one service provider per street or town.
/// The database is migrated with the app's migrations, then filled with binary COPY (foreign-key triggers off, as the
/// SQLite copy does), the elders' ID numbers and phones encrypted and blind-indexed by the app's own field protector.
/// One database per scale and generator version, kept between runs; a build that did not finish is dropped and redone.
/// </summary>
public static class MunicipalData
{
    /// <summary>Bump when the generated rows change; the database name carries it.</summary>
    public const int Version = 3;

    public const int Seed = 20_201_231;

    /// <summary>The full (16×) counts of the issue.</summary>
    public const long FullElders = 7_000_000, FullWorkers = 20_000, FullOrders = 30_000_000, FullAlarms = 5_000_000;

    /// <summary>Past orders and alarms spread over this many months before today.</summary>
    public const int Months = 24;

    private static readonly int QuickDivisor = Results.Size(1, 2_000);

    public static string DatabaseName(int scale) => $"eldercare_municipal_v{Version}_x{scale}{(Results.Quick ? "_quick" : "")}";

    public static string Server => Environment.GetEnvironmentVariable("ELDERCARE_BENCH_PG") ?? "Host=127.0.0.1;Username=postgres;Password=postgres";

    public static string ConnectionOf(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, CommandTimeout = 0 }.ToString();

    private static long Count(long full, int scale) => Math.Max(1, full * scale / 16 / QuickDivisor);

    /// <summary>The build record of the scale's database, building it first unless a finished one of this version exists.</summary>
    public static async Task<MunicipalBuild> EnsureAsync(int scale, TextWriter log)
    {
        var name = DatabaseName(scale);
        if (await ReadBuildAsync(name) is { } kept)
        {
            if (File.Exists(ElderRegistryBench.RegistryApp.KeyFileOf(name)))
            {
                log.WriteLine($"Municipal data: reusing {name}.");
                return kept;
            }
            // Its ID numbers are sealed under a field key that is gone: unreadable, so built again.
            log.WriteLine($"Municipal data: {name} has no field key file here ({ElderRegistryBench.RegistryApp.KeyFileOf(name)}); rebuilding.");
        }
        var seconds = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await AdminAsync($"CREATE DATABASE {name}");
        Directory.CreateDirectory(BenchPaths.DataDir);
        Directory.CreateDirectory(Path.GetDirectoryName(ElderRegistryBench.RegistryApp.KeyFileOf(name))!);
        File.Delete(ElderRegistryBench.RegistryApp.KeyFileOf(name));
        var connection = ConnectionOf(name);

        var step = Stopwatch.StartNew();
        var city = await CityGenerator.EnsureAsync(log: log);
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options))
            await Database.MigrateAsync(db);
        await SqliteToPostgres.CopyAsync(city, connection);
        seconds["migrate + regions, facilities, plan"] = step.Elapsed.TotalSeconds;

        // The app started once on the database: its seed runs (service items) and its field protector makes the keys.
        FieldProtector protector;
        await using (var app = await ElderRegistryBench.RegistryApp.StartAsync(DatabaseProvider.Postgres, name)) protector = app.Protector;

        // Quick mode keeps the full scale's workers: one street or town without any would have no one to dispatch.
        var build = new MunicipalBuild(scale, Count(FullElders, scale), Count(FullWorkers, scale) * QuickDivisor, 0, Count(FullOrders, scale),
            Count(FullAlarms, scale), seconds);
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await ExecuteAsync(conn, "SET session_replication_role = replica; SET maintenance_work_mem = '1GB'; SET synchronous_commit = off");
        // The big tables' secondary indexes are dropped for the load and built again after it: one sorted build each
        // instead of a random B-tree insert per row (the 1× build spent 197 s of 287 on the orders with them in place).
        var indexes = await ScalarsAsync(conn, """
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('Elders', 'ServiceOrders', 'Alarms')
              AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname
            """);
        foreach (var index in indexes) await ExecuteAsync(conn, "DROP INDEX " + IndexName(index));
        var writer = new Writer(conn, protector, new Random(Seed + scale), log);
        await writer.LoadRegionsAsync();
        build = build with { Providers = writer.Units.Count };
        await Timed(seconds, "elders", () => writer.EldersAsync(build.Elders));
        await Timed(seconds, "providers and workers", () => writer.WorkersAsync(build.Workers));
        await Timed(seconds, "orders", () => writer.OrdersAsync(build.Orders));
        // As the migration ElderLastVerifiedVisit fills it, and ServiceContacts keeps it after: each elder's last verified visit.
        await Timed(seconds, "elders' last verified visit", () => ExecuteAsync(conn, """
            UPDATE "Elders" SET "LastVerifiedVisitAt" = v.last
            FROM (SELECT "ElderId", max("WindowStart") AS last FROM "ServiceOrders"
                  WHERE "Status" = 'Completed' AND "Verification" = 'Verified' GROUP BY "ElderId") AS v
            WHERE v."ElderId" = "Elders"."Id"
            """));
        await Timed(seconds, "alarms", () => writer.AlarmsAsync(build.Alarms));
        await Timed(seconds, "secondary indexes of elders, orders, alarms (built after the load)", async () =>
        {
            foreach (var index in indexes) await ExecuteAsync(conn, index);
        });
        await ExecuteAsync(conn, "SET session_replication_role = origin");
        await Timed(seconds, "VACUUM ANALYZE", () => ExecuteAsync(conn, "VACUUM ANALYZE"));
        seconds["total"] = total.Elapsed.TotalSeconds;
        await ExecuteAsync(conn, $"""
            CREATE TABLE bench_build (generator int NOT NULL, build jsonb NOT NULL);
            INSERT INTO bench_build VALUES ({Version}, '{JsonSerializer.Serialize(build).Replace("'", "''", StringComparison.Ordinal)}');
            """);
        log.WriteLine($"Municipal data: built {name} in {seconds["total"]:F0} s.");
        return build;
    }

    private static async Task Timed(Dictionary<string, double> seconds, string what, Func<Task> step)
    {
        var sw = Stopwatch.StartNew();
        await step();
        seconds[what] = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"  {what}: {sw.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The build record of a finished database; null when there is none (never built, or a build that stopped).</summary>
    private static async Task<MunicipalBuild?> ReadBuildAsync(string name)
    {
        await using var admin = new NpgsqlConnection(ConnectionOf("postgres"));
        await admin.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", admin))
        {
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync() is null) return null;
        }
        await using var conn = new NpgsqlConnection(ConnectionOf(name));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT build::text FROM bench_build WHERE generator = @v " +
            "AND to_regclass('bench_build') IS NOT NULL", conn);
        cmd.Parameters.AddWithValue("v", Version);
        try
        {
            if (await cmd.ExecuteScalarAsync() is not string json) return null;
            // Newer migrations are applied by the app when it starts on the kept database; the rows stay as generated.
            return JsonSerializer.Deserialize<MunicipalBuild>(json);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private static async Task AdminAsync(string sql)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ConnectionOf("postgres"));
        await admin.OpenAsync();
        await ExecuteAsync(admin, sql);
    }

    /// <summary>The quoted name in a <c>CREATE [UNIQUE] INDEX "name" ON …</c> definition.</summary>
    private static string IndexName(string definition) => definition.Split(' ').First(w => w.StartsWith('"'));

    /// <summary>The first column of every row the query returns, as text.</summary>
    internal static async Task<List<string>> ScalarsAsync(NpgsqlConnection conn, string sql)
    {
        var list = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    public static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The rows of one build: one random stream, so the same seed and scale give the same data.</summary>
    private sealed class Writer(NpgsqlConnection conn, FieldProtector protector, Random rng, TextWriter log)
    {
        private static readonly DateTime Now = DateTime.UtcNow;
        private static readonly DateOnly Today = DateOnly.FromDateTime(Now.AddHours(8));

        public List<string> Units { get; } = [];
        private readonly List<(string Code, string Unit)> _places = [];
        private readonly List<string> _birthplaces = [];
        private Guid[] _elders = [];
        private int[] _elderPlace = [];
        private float[] _lat = [], _lng = [];
        private readonly Dictionary<string, (Guid Provider, List<Guid> Workers)> _staff = [];
        private readonly List<(Guid Id, string Code, string Name, int Minutes, long Price)> _items = [];

        public async Task LoadRegionsAsync()
        {
            await using (var cmd = new NpgsqlCommand("""SELECT "Code", "Kind" FROM "Regions" ORDER BY "Code" """, conn))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync())
                {
                    var code = r.GetString(0);
                    if (code.Length == 6 && code != "500153") _birthplaces.Add(code); // Rongchang's numbers are the intake workbooks'
                    if (code.Length == 9) Units.Add(code);
                    if (code.Length == 12) _places.Add((code, code[..9]));
                }
            await using (var cmd = new NpgsqlCommand(
                             """SELECT "Id", "Code", "Name", "StandardMinutes", "PriceFen" FROM "ServiceItems" ORDER BY "Code" """, conn))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) _items.Add((r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt64(4)));
            log.WriteLine($"  {_places.Count:N0} communities and villages in {Units.Count:N0} streets and towns, {_items.Count} service items");
        }

        private Guid NewId(DateTime at)
        {
            // Time-ordered ids (as the app's Guid.CreateVersion7), from the seeded stream.
            Span<byte> b = stackalloc byte[16];
            rng.NextBytes(b);
            var ms = new DateTimeOffset(at).ToUnixTimeMilliseconds();
            for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (8 * (5 - i)));
            b[6] = (byte)(0x70 | (b[6] & 0x0F));
            b[8] = (byte)(0x80 | (b[8] & 0x3F));
            return new Guid(b, bigEndian: true);
        }

        /// <summary>
        /// Elders over every community and village: GB 11643 numbers of people aged 60–99 born in one of the other
        /// districts, 54 % women, names as the intake workbooks make them, a phone for 80 %, 70 % assessed this year.
        /// </summary>
        public async Task EldersAsync(long count)
        {
            _elders = new Guid[count];
            _elderPlace = new int[count];
            _lat = new float[count];
            _lng = new float[count];
            var taken = new HashSet<long>();
            var created = Now.AddYears(-2);
            await using var w = await conn.BeginBinaryImportAsync("""
                COPY "Elders" ("Id", "Name", "IdNumberProtected", "IdNumberIndex", "BirthDate", "Sex", "PhoneProtected", "PhoneIndex", "Address",
                  "Latitude", "Longitude", "RegionCode", "UnitCode", "LivingArrangement", "Categories", "EmergencyContacts", "ConsentBasis",
                  "ConsentOn", "ConsentRecordedBy", "Status", "StatusOn", "CurrentLevel", "LastAssessedOn", "Version", "CreatedAt", "UpdatedAt")
                FROM STDIN (FORMAT BINARY)
                """);
            string[] living = ["Alone", "EmptyNest", "LeftBehind", "WithFamily"];
            for (var i = 0; i < count; i++)
            {
                var female = rng.Next(100) < 54;
                string id;
                DateOnly birth;
                do
                {
                    birth = Today.AddYears(-60 - (int)Math.Min(39, Math.Abs(Gaussian() * 12))).AddDays(-rng.Next(1, 365));
                    var first17 = $"{_birthplaces[rng.Next(_birthplaces.Count)]}{birth:yyyyMMdd}{rng.Next(500) * 2 + (female ? 0 : 1):000}";
                    id = first17 + IdNumber.CheckDigit(first17);
                }
                while (!taken.Add(long.Parse(id.AsSpan(0, 17), CultureInfo.InvariantCulture)));
                var place = rng.Next(_places.Count);
                var (region, unit) = _places[place];
                var at = created.AddSeconds(i % 86_400);
                _elders[i] = NewId(at);
                _elderPlace[i] = place;
                _lat[i] = (float)(28.2 + rng.NextDouble() * 4);
                _lng[i] = (float)(105.3 + rng.NextDouble() * 4.9);
                var phone = rng.Next(100) < 80 ? $"1{(new[] { "38", "39", "58", "77", "89" })[rng.Next(5)]}{rng.Next(10_000_000, 99_999_999)}" : null;
                var categories = new List<string>();
                if (rng.Next(100) < 4) categories.Add(nameof(ElderCategory.ExtremePoverty));
                if (rng.Next(100) < 9) categories.Add(nameof(ElderCategory.Subsistence));
                if (rng.Next(100) < 7) categories.Add(nameof(ElderCategory.Disabled));
                var contacts = rng.Next(100) < 60
                    ? $"[{{\"Name\":\"{Name()}\",\"Relation\":\"子女\"," +
                        $"\"PhoneProtected\":\"{protector.Protect("139" + rng.Next(10_000_000, 99_999_999))}\"}}]"
                    : "[]";
                var assessed = birth.Day % 10 < 7;
                await w.StartRowAsync();
                await w.WriteAsync(_elders[i], NpgsqlDbType.Uuid);
                await w.WriteAsync(Name(), NpgsqlDbType.Text);
                await w.WriteAsync(protector.Protect(id)!, NpgsqlDbType.Text);
                await w.WriteAsync(protector.BlindIndex(id)!, NpgsqlDbType.Text);
                await w.WriteAsync(birth, NpgsqlDbType.Date);
                await w.WriteAsync(female ? nameof(Sex.Female) : nameof(Sex.Male), NpgsqlDbType.Text);
                await NullableText(w, protector.Protect(phone));
                await NullableText(w, ElderPhone.Index(phone, protector));
                await w.WriteAsync($"幸福路{rng.Next(1, 300)}号", NpgsqlDbType.Text);
                await w.WriteAsync((double)_lat[i], NpgsqlDbType.Double);
                await w.WriteAsync((double)_lng[i], NpgsqlDbType.Double);
                await w.WriteAsync(region, NpgsqlDbType.Text);
                await w.WriteAsync(unit, NpgsqlDbType.Text);
                await w.WriteAsync(living[rng.Next(100) switch { < 14 => 0, < 40 => 1, < 52 => 2, _ => 3 }], NpgsqlDbType.Text);
                await w.WriteAsync(categories.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await w.WriteAsync(contacts, NpgsqlDbType.Jsonb);
                await w.WriteAsync("本人书面同意", NpgsqlDbType.Text);
                await w.WriteAsync(new DateOnly(2024, 1, 1), NpgsqlDbType.Date);
                await w.WriteAsync("bench", NpgsqlDbType.Text);
                await w.WriteAsync(nameof(ElderStatus.Active), NpgsqlDbType.Text);
                await w.WriteAsync(new DateOnly(2024, 1, 1), NpgsqlDbType.Date);
                await Nullable(w, assessed ? birth.Month % 5 : (int?)null, NpgsqlDbType.Integer);
                await Nullable(w, assessed ? Today.AddMonths(-3) : (DateOnly?)null, NpgsqlDbType.Date);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }

        /// <summary>One provider per street or town (named after it); the workers spread over them, serving their unit.</summary>
        public async Task WorkersAsync(long count)
        {
            var created = Now.AddYears(-2);
            await using (var p = await conn.BeginBinaryImportAsync(
                             """COPY "ServiceProviders" ("Id", "Name", "UnitCode", "Active", "CreatedAt") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var unit in Units)
                {
                    var id = NewId(created);
                    _staff[unit] = (id, []);
                    await p.WriteRowAsync(default, id, $"服务机构{unit}", unit, true, created);
                }
                await p.CompleteAsync();
            }
            await using var w = await conn.BeginBinaryImportAsync("""
                COPY "Workers" ("Id", "ProviderId", "Name", "Kind", "Qualifications", "Certificates", "RegionCodes", "Availability",
                  "BaseLatitude", "BaseLongitude", "Active", "CreatedAt") FROM STDIN (FORMAT BINARY)
                """);
            for (var i = 0; i < count; i++)
            {
                var unit = Units[i % Units.Count];
                var (provider, workers) = _staff[unit];
                var id = NewId(created);
                workers.Add(id);
                var (qualifications, certificates) = ServicesBench.WorkerQualifications(rng);
                await w.StartRowAsync();
                await w.WriteAsync(id, NpgsqlDbType.Uuid);
                await w.WriteAsync(provider, NpgsqlDbType.Uuid);
                await w.WriteAsync($"护理员{i}", NpgsqlDbType.Text);
                await w.WriteAsync("Caregiver", NpgsqlDbType.Text);
                await w.WriteAsync(JsonSerializer.Deserialize<string[]>(qualifications)!, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await w.WriteAsync(certificates, NpgsqlDbType.Jsonb);
                await w.WriteAsync(new[] { unit }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await w.WriteAsync(ServicesBench.WorkerAvailability(rng), NpgsqlDbType.Jsonb);
                await w.WriteAsync(28.2 + rng.NextDouble() * 4, NpgsqlDbType.Double);
                await w.WriteAsync(105.3 + rng.NextDouble() * 4.9, NpgsqlDbType.Double);
                await w.WriteAsync(rng.Next(100) < 95, NpgsqlDbType.Boolean);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }

        /// <summary>
        /// Past orders over <see cref="Months"/> months in time order, by a worker of the elder's street or town, as the
        /// services bench makes them.
        /// </summary>
        public async Task OrdersAsync(long count)
        {
            await using var w = await conn.BeginBinaryImportAsync("""
                COPY "ServiceOrders" ("Id", "ElderId", "ServiceItemId", "ItemCode", "ItemName", "StandardMinutes", "ProviderId", "WorkerId",
                  "UnitCode", "RegionCode", "WindowStart", "WindowEnd", "ServiceMonth", "Channel", "Status", "PriceFen", "SubsidyFen", "OwnShareFen",
                  "CheckInAt", "CheckInLatitude", "CheckInLongitude", "CheckOutAt", "CheckOutLatitude", "CheckOutLongitude", "Late",
                  "ConfirmAttempts", "ConfirmedAt", "Verification", "RaisedBy", "CreatedAt", "Version", "Flags", "Transitions")
                FROM STDIN (FORMAT BINARY)
                """);
            var days = Months * 365 / 12;
            for (var i = 0; i < count; i++)
            {
                var e = rng.Next(_elders.Length);
                var (region, unit) = _places[_elderPlace[e]];
                var (provider, workers) = _staff[unit];
                var worker = workers.Count == 0 ? (Guid?)null : workers[rng.Next(workers.Count)];
                var item = _items[rng.Next(_items.Count)];
                // In time order, as the app writes them: a month's orders lie together on disk (what partitions would also give).
                var start = ServiceTime.Utc(Today.AddDays(-days + (int)((long)i * days / count)).ToDateTime(new TimeOnly(8 + rng.Next(9), 0)));
                var (status, completed, verified, late, subsidy, checkIn, checkOut) = OrderDraw.Of(rng, start, item.Minutes, item.Price);
                await w.StartRowAsync();
                await w.WriteAsync(NewId(start.AddDays(-2)), NpgsqlDbType.Uuid);
                await w.WriteAsync(_elders[e], NpgsqlDbType.Uuid);
                await w.WriteAsync(item.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(item.Code, NpgsqlDbType.Text);
                await w.WriteAsync(item.Name, NpgsqlDbType.Text);
                await w.WriteAsync(item.Minutes, NpgsqlDbType.Integer);
                await w.WriteAsync(provider, NpgsqlDbType.Uuid);
                await Nullable(w, worker, NpgsqlDbType.Uuid);
                await w.WriteAsync(unit, NpgsqlDbType.Text);
                await w.WriteAsync(region, NpgsqlDbType.Text);
                await w.WriteAsync(start, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(start.AddHours(1), NpgsqlDbType.TimestampTz);
                await w.WriteAsync(ServiceTime.Month(start), NpgsqlDbType.Integer);
                await w.WriteAsync("Officer", NpgsqlDbType.Text);
                await w.WriteAsync(status, NpgsqlDbType.Text);
                await w.WriteAsync(item.Price, NpgsqlDbType.Bigint);
                await w.WriteAsync(subsidy, NpgsqlDbType.Bigint);
                await w.WriteAsync(item.Price - subsidy, NpgsqlDbType.Bigint);
                await Nullable(w, completed ? checkIn : (DateTime?)null, NpgsqlDbType.TimestampTz);
                await Nullable(w, completed ? _lat[e] : (double?)null, NpgsqlDbType.Double);
                await Nullable(w, completed ? _lng[e] : (double?)null, NpgsqlDbType.Double);
                await Nullable(w, completed ? checkOut : (DateTime?)null, NpgsqlDbType.TimestampTz);
                await Nullable(w, completed ? _lat[e] : (double?)null, NpgsqlDbType.Double);
                await Nullable(w, completed ? _lng[e] : (double?)null, NpgsqlDbType.Double);
                await w.WriteAsync(late, NpgsqlDbType.Boolean);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await Nullable(w, verified ? checkOut : (DateTime?)null, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(verified ? "Verified" : completed ? "Flagged" : "Pending", NpgsqlDbType.Text);
                await w.WriteAsync("bench", NpgsqlDbType.Text);
                await w.WriteAsync(start.AddDays(-2), NpgsqlDbType.TimestampTz);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
                await w.WriteAsync(completed && !verified ? "[{\"Code\":\"not-confirmed\",\"Detail\":\"未输入确认码。\"}]" : "[]",
                    NpgsqlDbType.Jsonb);
                await w.WriteAsync($"[{{\"Status\":\"{status}\",\"At\":\"{start:yyyy-MM-ddTHH:mm:ss}Z\",\"By\":\"bench\",\"Note\":null}}]",
                    NpgsqlDbType.Jsonb);
            }
            await w.CompleteAsync();
        }

        /// <summary>Past alarms over <see cref="Months"/> months, all resolved (most false alarms), from devices of the elders.</summary>
        public async Task AlarmsAsync(long count)
        {
            await using var w = await conn.BeginBinaryImportAsync("""
                COPY "Alarms" ("Id", "Source", "IdempotencyKey", "RequestHash", "ElderId", "Kind", "OccurredAt", "RaisedAt", "Latitude",
                  "Longitude", "RegionCode", "UnitCode", "Status", "AcknowledgedAt", "AcknowledgedBy", "ResolvedAt", "ResolvedBy", "Outcome",
                  "Version") FROM STDIN (FORMAT BINARY)
                """);
            string[] kinds = ["Sos", "Fall", "Smoke", "Gas", "Inactivity", "HeartRate"];
            var seconds = Months * 365 / 12 * 86_400;
            for (var i = 0; i < count; i++)
            {
                var e = rng.Next(_elders.Length);
                var (region, unit) = _places[_elderPlace[e]];
                var raised = Now.AddSeconds(-seconds + (double)i * seconds / count + rng.NextDouble()); // in time order, as raised
                var roll = rng.Next(100);
                await w.StartRowAsync();
                await w.WriteAsync(NewId(raised), NpgsqlDbType.Uuid);
                await w.WriteAsync("bench-gateway", NpgsqlDbType.Text);
                await w.WriteAsync(i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await w.WriteAsync("0000000000000000000000000000000000000000000000000000000000000000", NpgsqlDbType.Text);
                await w.WriteAsync(_elders[e], NpgsqlDbType.Uuid);
                await w.WriteAsync(kinds[rng.Next(kinds.Length)], NpgsqlDbType.Text);
                await w.WriteAsync(raised.AddSeconds(-2), NpgsqlDbType.TimestampTz);
                await w.WriteAsync(raised, NpgsqlDbType.TimestampTz);
                await w.WriteAsync((double)_lat[e], NpgsqlDbType.Double);
                await w.WriteAsync((double)_lng[e], NpgsqlDbType.Double);
                await w.WriteAsync(region, NpgsqlDbType.Text);
                await w.WriteAsync(unit, NpgsqlDbType.Text);
                await w.WriteAsync("Resolved", NpgsqlDbType.Text);
                await w.WriteAsync(raised.AddSeconds(20 + rng.Next(100)), NpgsqlDbType.TimestampTz);
                await w.WriteAsync("bench", NpgsqlDbType.Text);
                await w.WriteAsync(raised.AddMinutes(10 + rng.Next(60)), NpgsqlDbType.TimestampTz);
                await w.WriteAsync("bench", NpgsqlDbType.Text);
                await w.WriteAsync(roll < 10 ? "RealEmergency" : roll < 95 ? "FalseAlarm" : "Test", NpgsqlDbType.Text);
                await w.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await w.CompleteAsync();
        }

        private string Name() => ElderRegistryBench.RandomName(rng);

        private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

        private static Task Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct =>
            value is { } v ? w.WriteAsync(v, type) : w.WriteNullAsync();

        private static Task NullableText(NpgsqlBinaryImporter w, string? value) =>
            value is { } v ? w.WriteAsync(v, NpgsqlDbType.Text) : w.WriteNullAsync();
    }
}
