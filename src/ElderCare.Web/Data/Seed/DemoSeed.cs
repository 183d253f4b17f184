using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ElderCare.Web.Features.Alarms;
using ElderCare.Web.Features.Assessments;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Meals;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Services;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Data.Seed;

/// <summary>
/// <c>seed --demo</c> (ADR 22): a synthetic Rongchang for newcomers — communities and villages, the facilities the
/// policy counts (35 existing stations, 60 existing village points, the plan of Attachments 2 and 3 built), elders
/// with GB/T 42195 assessments, providers and workers, a month of verified visits, meals and a year of alarms.
/// Deterministic (one <see cref="Random"/> with a fixed seed; dates follow the app's clock), every name carries
/// <see cref="Mark"/>, and it runs only on a database holding nothing but the base seed.
/// </summary>
public static class DemoSeed
{
    public const int RandomSeed = 20_200_103;

    /// <summary>Every demo name ends with this, so a demo record is never mistaken for a real one.</summary>
    public const string Mark = "（演示）";

    /// <summary>The marker: one audit entry by this "user" with <see cref="MarkerAction"/> (read through the UserName index).</summary>
    public const string MarkerUser = "seed --demo";

    public const string MarkerAction = "demo.seed";

    public sealed record Counts(
        int Communities, int Villages, int Facilities, int Elders, int Assessments, int Providers, int Workers, int Orders,
        int Kitchens, int DiningPoints, int Menus, int MealOrders, int Devices, int Alarms)
    {
        public override string ToString() =>
            $"社区 {Communities} 个、行政村 {Villages} 个、设施 {Facilities} 个、老年人 {Elders} 名、能力评估 {Assessments} 份、" +
            $"服务机构 {Providers} 家、服务人员 {Workers} 名、服务工单 {Orders} 张、中央厨房 {Kitchens} 个、助餐点 {DiningPoints} 个、" +
            $"菜单 {Menus} 份、助餐订单 {MealOrders} 份、智能终端 {Devices} 台、紧急呼叫 {Alarms} 次";
    }

    public static Task<bool> IsDemoAsync(AppDbContext db, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().AnyAsync(a => a.UserName == MarkerUser && a.Action == MarkerAction, ct);

    /// <summary>What the database holds beyond the base seed (which demo data must never mix with); empty when nothing.</summary>
    public static async Task<IReadOnlyList<string>> RealRecordsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var found = new List<string>();
        async Task Check(string what, Task<int> count)
        {
            if (await count is > 0 and var n) found.Add($"{what} {n} 条");
        }
        await Check("社区/行政村", db.Regions.CountAsync(r => r.Kind == RegionKind.Community || r.Kind == RegionKind.Village, ct));
        await Check("设施", db.Facilities.CountAsync(ct));
        await Check("老年人", db.Elders.CountAsync(ct));
        await Check("服务机构", db.ServiceProviders.CountAsync(ct));
        await Check("服务人员", db.Workers.CountAsync(ct));
        await Check("服务工单", db.ServiceOrders.CountAsync(ct));
        await Check("家庭养老床位", db.FamilyCareBeds.CountAsync(ct));
        await Check("中央厨房", db.Kitchens.CountAsync(ct));
        await Check("助餐点", db.DiningPoints.CountAsync(ct));
        await Check("助餐订单", db.MealOrders.CountAsync(ct));
        await Check("智能终端", db.Devices.CountAsync(ct));
        await Check("紧急呼叫", db.Alarms.CountAsync(ct));
        return found;
    }

    /// <summary>
    /// Loads the base seed, then the demo data in one transaction, then writes the marker. Refused (conflict) when the
    /// database is already a demo or holds any record beyond the base seed.
    /// </summary>
    public static async Task<Outcome<Counts>> RunAsync(AppDbContext db, FieldProtector protector, AuditLog audit, TimeProvider clock,
        CancellationToken ct = default)
    {
        await RongchangSeed.RunAsync(db, ct);
        if (await IsDemoAsync(db, ct))
            return Outcome<Counts>.Conflict("该数据库已载入演示数据，无需再次载入。 / This database already holds the demo data.");
        var real = await RealRecordsAsync(db, ct);
        if (real.Count > 0)
            return Outcome<Counts>.Conflict(
                $"该数据库已有实际数据（{string.Join("、", real)}），演示数据不能与实际数据混在一起；请使用新的空数据库。" +
                " / This database already holds real records; demo data is loaded only into a fresh database.");

        var counts = await new Writer(db, protector, clock).WriteAsync(ct);
        await audit.AppendAsync(new AuditRecord(null, MarkerUser, MarkerAction, RongchangSeed.DistrictCode, AuditOutcome.Success, null,
            "载入演示数据：" + counts));
        return Outcome<Counts>.Ok(counts);
    }

    private sealed record Place(string Code, string Name, RegionKind Kind, string UnitCode, double Lat, double Lng)
    {
        public Facility? Facility { get; set; }
        public DiningPoint? DiningPoint { get; set; }
    }

    private sealed class Writer(AppDbContext db, FieldProtector protector, TimeProvider clock)
    {
        private readonly Random _rng = new(RandomSeed);
        private readonly DateOnly _today = clock.Today();
        private readonly DateTime _now = clock.UtcNow();
        private readonly HashSet<string> _names = [];
        private readonly List<Place> _places = [];
        private readonly Dictionary<string, (double Lat, double Lng)> _unitCentres = [];
        private readonly Dictionary<string, Facility> _centres = [];

        // 荣昌区 lies about 29.3–29.6°N, 105.4–105.7°E; the urban streets cluster around 昌元.
        private const double MinLat = 29.33, MaxLat = 29.57, MinLng = 105.43, MaxLng = 105.67;
        private static readonly (double Lat, double Lng) Urban = (29.405, 105.594);

        private const string Syllables = "龙凤华兴安宁新和平东南西北青石白云金玉长乐永福明德清溪水桥花园山河湖泉江岭坪坝塘湾林松柏桂荷兰梅竹";

        public async Task<Counts> WriteAsync(CancellationToken ct)
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var regions = await db.Regions.Units().ToDictionaryAsync(r => r.Code, ct);
            Regions(regions);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);

            var facilities = Facilities();
            db.Facilities.AddRange(facilities);
            await db.SaveChangesAsync(ct);

            var (elders, assessments) = Elders();
            db.Elders.AddRange(elders);
            db.Assessments.AddRange(assessments);
            await db.SaveChangesAsync(ct);

            var (providers, workers) = Providers();
            db.ServiceProviders.AddRange(providers);
            db.Workers.AddRange(workers);
            await db.SaveChangesAsync(ct);

            // Ordered: rows come back in insertion order, and EF inserts in key order (random v7 ids), not Add order.
            var items = (await db.ServiceItems.AsNoTracking().OrderBy(i => i.Code).ThenBy(i => i.EffectiveFrom).ToListAsync(ct))
                .Where(i => i.InEffectOn(_today.AddDays(-31)) && i.InEffectOn(_today)).ToList();
            var orders = Orders(elders, providers, workers, items);
            db.ServiceOrders.AddRange(orders);
            await db.SaveChangesAsync(ct);
            await ServiceContacts.RecomputeAsync(db, db.Elders, ct);

            var rates = await db.MealSubsidyRates.AsNoTracking().ToListAsync(ct);
            var (kitchens, points, menus, meals) = Meals(elders, rates);
            db.Kitchens.AddRange(kitchens);
            db.DiningPoints.AddRange(points);
            db.Menus.AddRange(menus);
            db.MealOrders.AddRange(meals);
            await db.SaveChangesAsync(ct);

            var (devices, alarms) = Alarms(elders);
            db.Devices.AddRange(devices);
            db.Alarms.AddRange(alarms);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = true;

            return new Counts(
                _places.Count(p => p.Kind == RegionKind.Community), _places.Count(p => p.Kind == RegionKind.Village), facilities.Count,
                elders.Count, assessments.Count, providers.Count, workers.Count, orders.Count, kitchens.Count, points.Count, menus.Count,
                meals.Count, devices.Count, alarms.Count);
        }

        // ---------------------------------------------------------------- regions

        /// <summary>Communities: a street's existing + planned stations of 附件2 (one station per community when built);
        /// a town's printed station cells. Villages: the 行政村 counts of 附件3.</summary>
        private static int CommunitiesOf(RongchangSeed.UnitRow u) =>
            u.Kind == RegionKind.Street ? u.Attachment2Cells[2] + u.Attachment2Cells.Skip(3).Sum() : u.Attachment2Cells.Sum();

        private void Regions(Dictionary<string, Region> units)
        {
            foreach (var u in RongchangSeed.Units)
            {
                var centre = u.Kind == RegionKind.Street
                    ? (Lat: Urban.Lat + (_rng.NextDouble() - 0.5) * 0.07, Lng: Urban.Lng + (_rng.NextDouble() - 0.5) * 0.07)
                    : (Lat: MinLat + 0.02 + _rng.NextDouble() * (MaxLat - MinLat - 0.04),
                        Lng: MinLng + 0.02 + _rng.NextDouble() * (MaxLng - MinLng - 0.04));
                _unitCentres[u.Code] = centre;
                var communities = CommunitiesOf(u);
                for (var c = 1; c <= communities; c++) AddPlace($"{u.Code}{c:000}", "社区", RegionKind.Community, u.Code, centre, 0.012);
                for (var v = 1; v <= u.Villages; v++) AddPlace($"{u.Code}{200 + v:000}", "村", RegionKind.Village, u.Code, centre, 0.03);
                if (units.TryGetValue(u.Code, out var unit))
                {
                    unit.CommunityCount = communities;
                    unit.VillageCount ??= u.Villages;
                    var elderly = 3000 + _rng.Next(6000) + (u.Kind == RegionKind.Street ? 8000 : 0);
                    unit.ElderlyPopulation ??= elderly;
                    unit.Population ??= elderly * 4;
                }
            }
            db.Regions.AddRange(_places.Select(p => new Region { Code = p.Code, Name = p.Name, Kind = p.Kind, ParentCode = p.UnitCode }));
        }

        private void AddPlace(string code, string suffix, RegionKind kind, string unit, (double Lat, double Lng) centre, double spread)
        {
            var (lat, lng) = Near(centre, spread);
            _places.Add(new Place(code, UniqueName(suffix) + Mark, kind, unit, lat, lng));
        }

        private string UniqueName(string suffix)
        {
            while (true)
            {
                var name = $"{Syllables[_rng.Next(Syllables.Length)]}{Syllables[_rng.Next(Syllables.Length)]}{suffix}";
                if (_names.Add(name)) return name;
            }
        }

        private (double Lat, double Lng) Near((double Lat, double Lng) p, double spread) => (
            Math.Round(Math.Clamp(p.Lat + (_rng.NextDouble() - 0.5) * 2 * spread, MinLat, MaxLat), 6),
            Math.Round(Math.Clamp(p.Lng + (_rng.NextDouble() - 0.5) * 2 * spread, MinLng, MaxLng), 6));

        private static string Plain(string name) => name.EndsWith(Mark, StringComparison.Ordinal) ? name[..^Mark.Length] : name;

        // ---------------------------------------------------------------- facilities

        private List<Facility> Facilities()
        {
            var standards = RongchangSeed.Attachment1().ToDictionary(s => s.Type);
            var list = new List<Facility>();
            // 附件2/3 year of each planned centre, in unit order: streets 2 in 2019, 4 in 2020; towns 2/5/4/4 in 2019–2022.
            var streetYears = new Queue<int>([2019, 2019, 2020, 2020, 2020, 2020]);
            var townYears = new Queue<int>([2019, 2019, 2020, 2020, 2020, 2020, 2020, 2021, 2021, 2021, 2021, 2022, 2022, 2022, 2022]);
            // Village points planned: 8 a year 2019–2022 (附件3), spread over the units in order.
            var pointYears = new Queue<int>(Enumerable.Range(0, 32).Select(i => 2019 + i / 8));
            // Community stations planned: 12 in 2019, 18 in 2020 (附件2 合计), in unit order.
            var stationYears = new Queue<int>(Enumerable.Range(0, 30).Select(i => i < 12 ? 2019 : 2020));
            var extraTownStation = 1; // 附件2: the towns' 28 station cells are 16 existing + 12 planned
            var stationIndex = 0;
            foreach (var u in RongchangSeed.Units)
            {
                var unitName = u.Name;
                var communities = _places.Where(p => p.UnitCode == u.Code && p.Kind == RegionKind.Community).ToList();
                var villages = _places.Where(p => p.UnitCode == u.Code && p.Kind == RegionKind.Village).ToList();
                var seat = communities.FirstOrDefault() ?? villages.First();

                var street = u.Kind == RegionKind.Street;
                var centreType = street ? FacilityType.StreetCenter : FacilityType.TownCenter;
                var centreYear = street ? streetYears.Dequeue() : townYears.Dequeue();
                var centre = New(centreType, $"{unitName}养老服务中心", seat, Opened(centreYear), standards[centreType]);
                centre.Beds = street
                    ? new Beds { Total = 40 + _rng.Next(30), DayCare = 10 + _rng.Next(10) }
                    : new Beds { Total = 30 + _rng.Next(30), DayCare = 5 + _rng.Next(5) };
                centre.Beds.Nursing = (int)Math.Round(centre.Beds.Total * (0.5 + _rng.NextDouble() * 0.25));
                centre.FloorArea = street ? 1500 + _rng.Next(900) : 800 + _rng.Next(700);
                centre.OperationMode = street || _rng.NextDouble() < 0.7 ? OperationMode.PublicPrivate : OperationMode.Government;
                centre.MedicalCareMode = _centres.Count % 4 == 1 ? MedicalCareMode.Integrated : MedicalCareMode.Embedded;
                centre.MedicalPartner = $"{unitName}社区卫生服务中心{Mark}";
                centre.ColocatedWithHealthStation = true;
                // A few that do not meet 附件1: the district sees them as operating but not up to standard.
                if (u.Code.EndsWith("004", StringComparison.Ordinal)) centre.FloorArea = 1280; // street centre < 1500 ㎡
                if (u.Code.EndsWith("013", StringComparison.Ordinal)) centre.FloorArea = 720;  // town centre < 800 ㎡
                _centres[u.Code] = centre;
                list.Add(centre);

                // One station per community: the street's existing ones first (opened before the policy), then the plan.
                // Towns: one existing station each (15), and the first town with four communities has a second one (16).
                var existingStations = street ? u.Attachment2Cells[2] : communities.Count >= 4 && extraTownStation-- > 0 ? 2 : 1;
                for (var i = 0; i < communities.Count; i++)
                {
                    var place = communities[i];
                    var existing = i < existingStations;
                    var opened = existing
                        ? new DateOnly(2016 + _rng.Next(3), 1 + _rng.Next(12), 1 + _rng.Next(28))
                        : Opened(stationYears.TryDequeue(out var y) ? y : 2020);
                    var station = New(FacilityType.CommunityStation, $"{Plain(place.Name)}养老服务站", place, opened,
                        standards[FacilityType.CommunityStation]);
                    station.FloorArea = 300 + _rng.Next(300);
                    station.Beds = new Beds { Total = 4 + _rng.Next(8), DayCare = 4 + _rng.Next(8) };
                    station.Beds.DayCare = station.Beds.Total;
                    station.Beds.Nursing = station.Beds.Total / 2 + 1;
                    station.OperationMode = _rng.NextDouble() < 0.92 ? OperationMode.PublicPrivate : OperationMode.Government;
                    station.MedicalCareMode = _rng.NextDouble() < 0.95 ? MedicalCareMode.Agreement : MedicalCareMode.None;
                    station.HubFacilityId = centre.Id; // 中心带站
                    if (++stationIndex % 17 == 0) station.FloorArea = 240 + _rng.Next(50); // under 300 ㎡, not a small community
                    place.Facility = station;
                    list.Add(station);
                }

                // Village points: 附件3 existing + planned; where a unit has more points than villages, some share one.
                var points = u.PointsExisting + u.PointsPlanned;
                for (var i = 0; i < points; i++)
                {
                    var place = villages[i % villages.Count];
                    var existing = i < u.PointsExisting;
                    var opened = existing ? new DateOnly(2015 + _rng.Next(4), 1 + _rng.Next(12), 1 + _rng.Next(28)) : Opened(pointYears.Dequeue());
                    var point = New(FacilityType.VillagePoint, $"{Plain(place.Name)}互助养老点{(i >= villages.Count ? "二" : "")}", place, opened,
                        standards[FacilityType.VillagePoint]);
                    point.FloorArea = 40 + _rng.Next(120);
                    point.OperationMode = _rng.NextDouble() < 0.66 ? OperationMode.PrivateSubsidized : OperationMode.Government;
                    point.MedicalCareMode = _rng.NextDouble() < 0.9 ? MedicalCareMode.Agreement : MedicalCareMode.None;
                    point.HubFacilityId = centre.Id; // 中心带点
                    place.Facility ??= point;
                    list.Add(point);
                }
            }
            return list;
        }

        private DateOnly Opened(int year)
        {
            var opened = new DateOnly(year, 3 + _rng.Next(9), 1 + _rng.Next(28));
            return opened < _today ? opened : _today.AddDays(-1);
        }

        private Facility New(FacilityType type, string name, Place place, DateOnly opened, ConstructionStandard standard)
        {
            var (lat, lng) = Near((place.Lat, place.Lng), 0.002);
            var f = new Facility
            {
                Name = name + Mark, Type = type, RegionCode = place.Code, UnitCode = place.UnitCode, Zones = [.. standard.RequiredZones],
                OperatorName = type == FacilityType.VillagePoint ? null : $"{Plain(place.Name)}康养服务社{Mark}",
                Latitude = lat, Longitude = lng, Address = $"{Plain(place.Name)}{1 + _rng.Next(200)}号{Mark}", OpenedOn = opened,
                CreatedAt = _now, UpdatedAt = _now,
            };
            var recorded = _now;
            f.ChangeStatus(FacilityStatus.UnderConstruction, opened.AddMonths(-6 - _rng.Next(6)), recorded);
            f.ChangeStatus(FacilityStatus.Operating, opened, recorded);
            return f;
        }

        // ---------------------------------------------------------------- elders and assessments

        private static readonly string[] Surnames =
            ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高",
             "林", "何", "郭", "罗", "梁", "宋", "郑", "谢", "唐", "邓", "彭", "曾", "蒋", "袁", "冉"];
        private static readonly string[] Men = ["建国", "国华", "德明", "志强", "永福", "学文", "金山", "长生", "光明", "正清", "世华", "树林", "明远", "德全", "家富", "云峰"];
        private static readonly string[] Women = ["秀英", "桂英", "玉兰", "淑珍", "秀兰", "凤英", "素芬", "淑华", "桂芳", "玉珍", "翠华", "春梅", "德芳", "兰芝", "素琼", "明英"];

        private (List<Elder>, List<Assessment>) Elders()
        {
            var elders = new List<Elder>();
            var assessments = new List<Assessment>();
            var ids = new HashSet<string>();
            var codes = CapabilityForm.Codes;
            foreach (var place in _places)
            {
                var count = place.Kind == RegionKind.Community ? 26 + _rng.Next(10) : 10 + _rng.Next(8);
                for (var n = 0; n < count; n++)
                {
                    var r = _rng.NextDouble();
                    var age = r < 0.55 ? 60 + _rng.Next(10) : r < 0.85 ? 70 + _rng.Next(10) : 80 + _rng.Next(16);
                    var birth = _today.AddYears(-age).AddDays(-_rng.Next(1, 360));
                    var sex = _rng.Next(2) == 0 ? Sex.Male : Sex.Female;
                    string id;
                    do
                    {
                        // GB 11643: address code, birth date, sequence (odd for men), check digit.
                        var seq = _rng.Next(500) * 2 + (sex == Sex.Male ? 1 : 0);
                        var first17 = $"500153{birth:yyyyMMdd}{seq:000}";
                        id = first17 + IdNumber.CheckDigit(first17);
                    } while (!ids.Add(id));
                    var parsed = IdNumber.Parse(id, _today);
                    if (!parsed.IsValid) throw new InvalidOperationException($"demo ID number {id} is invalid: {parsed.Error}");

                    var rural = place.Kind == RegionKind.Village;
                    var living = _rng.NextDouble() switch
                    {
                        < 0.12 => LivingArrangement.Alone,
                        < 0.40 => LivingArrangement.EmptyNest,
                        var x when rural && x < 0.60 => LivingArrangement.LeftBehind,
                        _ => LivingArrangement.WithFamily,
                    };
                    var categories = new List<ElderCategory>();
                    if (_rng.NextDouble() < (rural ? 0.04 : 0.015)) categories.Add(ElderCategory.ExtremePoverty);
                    else if (_rng.NextDouble() < 0.06) categories.Add(ElderCategory.Subsistence);
                    else if (_rng.NextDouble() < 0.03) categories.Add(ElderCategory.LowIncomeEdge);
                    if (_rng.NextDouble() < 0.01) categories.Add(ElderCategory.LostOnlyChild);
                    if (_rng.NextDouble() < 0.05) categories.Add(ElderCategory.Disabled);

                    var name = $"{Surnames[_rng.Next(Surnames.Length)]}{(sex == Sex.Male ? Men : Women)[_rng.Next(Men.Length)]}{Mark}";
                    var registered = _today.AddDays(-30 - _rng.Next(700));
                    var created = ServiceTime.Utc(registered.ToDateTime(new TimeOnly(9, 0)));
                    var (lat, lng) = Near((place.Lat, place.Lng), 0.004);
                    var elder = new Elder
                    {
                        Name = name, IdNumberProtected = protector.Protect(parsed.Number)!, IdNumberIndex = protector.BlindIndex(parsed.Number)!,
                        BirthDate = parsed.BirthDate, Sex = parsed.Sex,
                        PhoneProtected = _rng.NextDouble() < 0.7 ? protector.Protect($"1990000{_rng.Next(10000):0000}") : null,
                        Address = $"{Plain(place.Name)}{(rural ? $"{1 + _rng.Next(9)}组" : $"{1 + _rng.Next(40)}栋")}{1 + _rng.Next(30)}号{Mark}",
                        Latitude = lat, Longitude = lng, RegionCode = place.Code, UnitCode = place.UnitCode, LivingArrangement = living,
                        Categories = [.. categories.Distinct().Order()],
                        EmergencyContacts =
                        [
                            new EmergencyContact
                            {
                                Name = $"家属{Mark}", Relation = "子女", PhoneProtected = protector.Protect($"1990001{_rng.Next(10000):0000}"),
                            },
                        ],
                        ConsentBasis = "本人同意", ConsentOn = registered, ConsentRecordedBy = MarkerUser,
                        Status = ElderStatus.Active, StatusOn = registered, CreatedAt = created, UpdatedAt = created,
                    };
                    elders.Add(elder);

                    // GB/T 42195-2022: most elders assessed within the 12-month cycle, a few overdue, some never.
                    var assessedShare = age >= 80 || categories.Count > 0 || living == LivingArrangement.Alone ? 0.96 : 0.72;
                    if (_rng.NextDouble() >= assessedShare) continue;
                    var daysAgo = _rng.NextDouble() < 0.05 ? 380 + _rng.Next(200) : 1 + _rng.Next(330);
                    var on = _today.AddDays(-daysAgo);
                    if (on < registered) on = registered;
                    var scores = Scores(TargetLevel(age));
                    var score = CapabilityAssessment.Score(scores, false, false, 0);
                    var items = new Dictionary<string, int>();
                    for (var i = 0; i < codes.Count; i++) items[codes[i]] = scores[i];
                    assessments.Add(new Assessment
                    {
                        ElderId = elder.Id, AssessedOn = on, Reason = AssessmentReason.First, Assessors = [$"评估员甲{Mark}", $"评估员乙{Mark}"],
                        ItemsProtected = protector.Protect(JsonSerializer.Serialize(items))!,
                        SelfCare = score.SelfCare, Motor = score.Motor, Mental = score.Mental, Perception = score.Perception, Total = score.Total,
                        InitialLevel = score.InitialLevel, Level = score.Level, RecordedAt = ServiceTime.Utc(on.ToDateTime(new TimeOnly(16, 0))),
                    });
                    elder.CurrentLevel = score.Level;
                    elder.LastAssessedOn = on;
                }
            }
            return (elders, assessments);
        }

        private int TargetLevel(int age)
        {
            double[] shares = age >= 80 ? [0.30, 0.28, 0.20, 0.13, 0.09]
                : age >= 70 ? [0.55, 0.25, 0.11, 0.06, 0.03]
                : [0.78, 0.14, 0.05, 0.02, 0.01];
            var r = _rng.NextDouble();
            for (var level = 0; level < shares.Length; level++)
            {
                if (r < shares[level]) return level;
                r -= shares[level];
            }
            return 0;
        }

        /// <summary>The 26 item scores of a form whose total falls in the band of the level (90 / 66–89 / 46–65 / 30–45 / 0–29).</summary>
        private byte[] Scores(int level)
        {
            var max = CapabilityForm.MaxScores.ToArray();
            var target = level switch
            {
                0 => CapabilityAssessment.IntactTotal,
                1 => CapabilityAssessment.MildMinTotal + _rng.Next(CapabilityAssessment.IntactTotal - CapabilityAssessment.MildMinTotal),
                2 => CapabilityAssessment.ModerateMinTotal + _rng.Next(CapabilityAssessment.MildMinTotal - CapabilityAssessment.ModerateMinTotal),
                3 => CapabilityAssessment.SevereMinTotal + _rng.Next(CapabilityAssessment.ModerateMinTotal - CapabilityAssessment.SevereMinTotal),
                _ => 5 + _rng.Next(CapabilityAssessment.SevereMinTotal - 5),
            };
            var scores = max.ToArray();
            var total = scores.Sum(s => s);
            while (total > target)
            {
                var i = _rng.Next(scores.Length);
                if (scores[i] == 0) continue;
                scores[i]--;
                total--;
            }
            return scores;
        }

        // ---------------------------------------------------------------- providers and workers

        private (List<Features.Services.ServiceProvider>, List<Worker>) Providers()
        {
            var providers = new List<Features.Services.ServiceProvider>();
            var workers = new List<Worker>();
            foreach (var (unit, centre) in _centres)
            {
                var provider = new Features.Services.ServiceProvider
                {
                    Name = Plain(centre.OperatorName!) + Mark, FacilityId = centre.Id, UnitCode = unit, CreatedAt = _now,
                };
                providers.Add(provider);
                var count = unit.CompareTo("500153007") < 0 ? 8 + _rng.Next(4) : 4 + _rng.Next(3);
                for (var i = 0; i < count; i++)
                {
                    var helper = i % 3 == 2;
                    workers.Add(new Worker
                    {
                        ProviderId = provider.Id, Name = $"{Surnames[_rng.Next(Surnames.Length)]}{Women[_rng.Next(Women.Length)]}{Mark}",
                        PhoneProtected = protector.Protect($"1990002{_rng.Next(10000):0000}"),
                        Kind = helper ? WorkerKind.Helper : WorkerKind.Caregiver,
                        Qualifications = helper ? ["helper"] : ["elder-care", "helper"],
                        Certificates =
                        [
                            new Certificate
                            {
                                Qualification = helper ? "helper" : "elder-care", Number = $"DEMO-{workers.Count + 1:0000}",
                                ExpiresOn = _today.AddYears(2),
                            },
                        ],
                        RegionCodes = [unit],
                        Availability =
                            [.. Enumerable.Range(1, 6).Select(d => new AvailabilitySlot { Day = d, FromMinute = 8 * 60, ToMinute = 18 * 60 })],
                        BaseLatitude = centre.Latitude, BaseLongitude = centre.Longitude, CreatedAt = _now,
                    });
                }
            }
            return (providers, workers);
        }

        // ---------------------------------------------------------------- a month of home visits

        private List<ServiceOrder> Orders(List<Elder> elders, List<Features.Services.ServiceProvider> providers, List<Worker> workers,
            List<ServiceItem> items)
        {
            var orders = new List<ServiceOrder>();
            if (items.Count == 0) return orders;
            var providerOf = providers.ToDictionary(p => p.UnitCode);
            var workersOf = workers.GroupBy(w => w.ProviderId).ToDictionary(g => g.Key, g => g.ToList());
            var used = new Dictionary<(Guid, Guid, int), long>();
            var common = items.Where(i => i.StandardMinutes <= 120).ToList();
            if (common.Count == 0) common = items;
            foreach (var elder in elders)
            {
                var facts = new PriorityFacts(IdNumber.Age(elder.BirthDate, _today), elder.LivingArrangement, elder.Categories, elder.CurrentLevel);
                var groups = PriorityGroups.Of(facts).Select(g => g.Group).ToList();
                var visits = groups.Count > 0 ? 3 + _rng.Next(4) : _rng.NextDouble() < 0.15 ? 1 + _rng.Next(2) : 0;
                if (visits == 0) continue;
                var provider = providerOf[elder.UnitCode];
                var team = workersOf[provider.Id];
                for (var v = 0; v < visits; v++)
                {
                    var daysAgo = 30 - v * (30 / visits) - _rng.Next(Math.Max(1, 30 / visits));
                    var item = common[_rng.Next(common.Count)];
                    var day = _today.AddDays(Math.Clamp(-daysAgo, -30, 2));
                    var start = ServiceTime.Utc(day.ToDateTime(new TimeOnly(8 + _rng.Next(9), _rng.Next(2) * 30)));
                    var end = start.AddMinutes(Math.Max(60, item.StandardMinutes + 30));
                    var month = ServiceTime.Month(start);
                    var key = (elder.Id, item.Id, month);
                    var quote = Subsidy.Quote(item.PriceFen, item.SubsidizedGroups, item.MonthlyAllowanceFen, groups, used.GetValueOrDefault(key));
                    used[key] = used.GetValueOrDefault(key) + quote.SubsidyFen;
                    var worker = team[_rng.Next(team.Count)];
                    var created = start.AddDays(-2);
                    var order = new ServiceOrder
                    {
                        ElderId = elder.Id, ServiceItemId = item.Id, ItemCode = item.Code, ItemName = item.Name,
                        StandardMinutes = item.StandardMinutes,
                        ProviderId = provider.Id, WorkerId = worker.Id, UnitCode = elder.UnitCode, RegionCode = elder.RegionCode,
                        Address = elder.Address,
                        WindowStart = start, WindowEnd = end, ServiceMonth = month,
                        Channel = groups.Count > 0 ? OrderChannel.CarePlan : OrderChannel.Family,
                        Status = OrderStatus.Assigned, PriceFen = quote.PriceFen, SubsidyFen = quote.SubsidyFen, OwnShareFen = quote.OwnShareFen,
                        RaisedBy = MarkerUser, CreatedAt = created,
                        Transitions =
                        [
                            new OrderTransition { Status = OrderStatus.Requested, At = created, By = MarkerUser },
                            new OrderTransition { Status = OrderStatus.Assigned, At = created.AddHours(1), By = MarkerUser },
                        ],
                    };
                    orders.Add(order);
                    if (end > _now) continue; // still to come: assigned, not yet visited
                    var r = _rng.NextDouble();
                    if (r < 0.02)
                    {
                        order.Status = OrderStatus.Cancelled;
                        order.Transitions.Add(new OrderTransition
                        {
                            Status = OrderStatus.Cancelled, At = start.AddHours(-3), By = MarkerUser, Note = "家属临时外出",
                        });
                        continue;
                    }
                    var checkIn = start.AddMinutes(_rng.NextDouble() < 0.9 ? _rng.Next(6) : 8 + _rng.Next(15));
                    var checkOut = checkIn.AddMinutes(item.StandardMinutes + _rng.Next(-5, 8));
                    var outside = r > 0.97;
                    var (inLat, inLng) = (elder.Latitude!.Value + (_rng.NextDouble() - 0.5) * 0.0002,
                        elder.Longitude!.Value + (_rng.NextDouble() - 0.5) * 0.0002);
                    order.Status = OrderStatus.Completed;
                    order.CheckInAt = checkIn;
                    order.CheckInLatitude = outside ? inLat + 0.01 : inLat;
                    order.CheckInLongitude = inLng;
                    order.CheckOutAt = checkOut;
                    order.CheckOutLatitude = inLat;
                    order.CheckOutLongitude = inLng;
                    order.ConfirmedAt = checkOut;
                    order.Late = checkIn > start.AddMinutes(7);
                    order.Notes = "服务完成，老人状况良好。";
                    order.Verification = outside ? Verification.Flagged : Verification.Verified;
                    if (outside) order.Flags = [new VisitFlag { Code = VisitFlags.CheckInOutside, Detail = "签到位置距住址约 1.1 公里" }];
                    if (_rng.NextDouble() < 0.6)
                    {
                        order.Rating = _rng.NextDouble() < 0.85 ? 5 : 4;
                        order.RatingComment = order.Rating == 5 ? "很满意" : null;
                    }
                    order.Transitions.Add(new OrderTransition { Status = OrderStatus.InProgress, At = checkIn, By = worker.Name });
                    order.Transitions.Add(new OrderTransition { Status = OrderStatus.Completed, At = checkOut, By = worker.Name });
                    worker.LastLatitude = inLat;
                    worker.LastLongitude = inLng;
                }
            }
            return orders;
        }

        // ---------------------------------------------------------------- meals

        private (List<Kitchen>, List<DiningPoint>, List<Menu>, List<MealOrder>) Meals(List<Elder> elders, List<MealSubsidyRate> rates)
        {
            var kitchens = new List<Kitchen>();
            var kitchenOf = new Dictionary<string, Kitchen>();
            foreach (var (unit, centre) in _centres)
            {
                var kitchen = new Kitchen
                {
                    Name = $"{Plain(centre.Name)}中央厨房{Mark}", FacilityId = centre.Id, RegionCode = centre.RegionCode, UnitCode = unit,
                    Address = centre.Address, Latitude = centre.Latitude, Longitude = centre.Longitude, CreatedAt = _now,
                };
                kitchens.Add(kitchen);
                kitchenOf[unit] = kitchen;
            }

            // 中央厨房+社区配送+集中就餐: a dining point at every community station and at every other village point.
            var points = new List<DiningPoint>();
            var villageIndex = 0;
            foreach (var place in _places.Where(p => p.Facility is not null))
            {
                if (place.Kind == RegionKind.Village && villageIndex++ % 2 == 1) continue;
                var f = place.Facility!;
                place.DiningPoint = new DiningPoint
                {
                    Name = $"{Plain(f.Name)}助餐点{Mark}", FacilityId = f.Id, KitchenId = kitchenOf[place.UnitCode].Id, RegionCode = place.Code,
                    UnitCode = place.UnitCode, Address = f.Address, Latitude = f.Latitude!.Value, Longitude = f.Longitude!.Value, CreatedAt = _now,
                };
                points.Add(place.DiningPoint);
            }

            string[][] dishes =
            [
                ["红烧肉", "清炒时蔬", "番茄蛋汤", "米饭"], ["青椒肉丝", "麻婆豆腐", "冬瓜汤", "米饭"], ["土豆烧鸡", "凉拌黄瓜", "紫菜汤", "米饭"],
                ["回锅肉", "炒莲白", "酸菜粉丝汤", "米饭"], ["鱼香肉丝", "蒜蓉空心菜", "萝卜排骨汤", "米饭"],
            ];
            var menus = new List<Menu>();
            for (var day = _today.AddDays(-30); day <= _today.AddDays(6); day = day.AddDays(1))
            {
                var i = day.DayNumber % dishes.Length;
                foreach (var kitchen in kitchens)
                {
                    var menu = new Menu { KitchenId = kitchen.Id, Date = day, Meal = Meal.Lunch, UpdatedAt = _now };
                    menu.Sets.Add(new MenuSet { MenuId = menu.Id, Code = "A", Name = "普通套餐", PriceFen = 1200, Dishes = [.. dishes[i]] });
                    menu.Sets.Add(new MenuSet
                    {
                        MenuId = menu.Id, Code = "B", Name = "软食低盐套餐", PriceFen = 1200, Dishes = ["肉末蒸蛋", "炖南瓜", "小米粥"],
                        Suits = [DietNeed.Soft, DietNeed.LowSalt],
                    });
                    menus.Add(menu);
                }
            }

            var meals = new List<MealOrder>();
            var pointOf = _places.Where(p => p.DiningPoint is not null).ToDictionary(p => p.Code, p => p.DiningPoint!);
            foreach (var elder in elders)
            {
                if (!pointOf.TryGetValue(elder.RegionCode, out var point)) continue;
                var age = IdNumber.Age(elder.BirthDate, _today);
                var share = age >= 80 || elder.CurrentLevel >= 2 || elder.Categories.Contains(ElderCategory.ExtremePoverty) ? 0.35 : 0.06;
                if (_rng.NextDouble() >= share) continue;
                var delivery = elder.CurrentLevel >= 2 || _rng.NextDouble() < 0.2;
                var soft = elder.CurrentLevel >= 2 || age >= 85;
                var groups = MealSubsidy.GroupsOf(new MealSubsidyFacts(age, elder.Categories, elder.CurrentLevel));
                var kitchen = kitchens.First(k => k.Id == point.KitchenId);
                for (var day = _today.AddDays(-30); day <= _today; day = day.AddDays(1))
                {
                    if (day.DayOfWeek == DayOfWeek.Sunday || _rng.NextDouble() < 0.15) continue;
                    var split = MealSubsidy.Split(1200, groups, MealSubsidy.RatesOn(rates, day));
                    var past = day < _today;
                    var served = ServiceTime.Utc(day.ToDateTime(new TimeOnly(11, 20 + _rng.Next(40))));
                    meals.Add(new MealOrder
                    {
                        ElderId = elder.Id, Date = day, Meal = Meal.Lunch, Mode = delivery ? MealMode.Delivery : MealMode.DineIn,
                        DiningPointId = point.Id, KitchenId = kitchen.Id, UnitCode = elder.UnitCode, FacilityId = point.FacilityId,
                        KitchenFacilityId = kitchen.FacilityId, SetCode = soft ? "B" : "A", SetName = soft ? "软食低盐套餐" : "普通套餐",
                        Diets = soft ? [DietNeed.Soft, DietNeed.LowSalt] : [], PriceFen = 1200, SubsidyGroup = split.Group,
                        SubsidyFen = split.SubsidyFen, OwnShareFen = split.OwnShareFen,
                        Status = !past ? MealOrderStatus.Ordered : delivery ? MealOrderStatus.Delivered : MealOrderStatus.Served,
                        ServedAt = past ? served : null, ServedBy = past ? $"助餐员{Mark}" : null,
                        DeliveredLatitude = past && delivery ? elder.Latitude : null, DeliveredLongitude = past && delivery ? elder.Longitude : null,
                        OrderedBy = MarkerUser, CreatedAt = ServiceTime.Utc(day.AddDays(-1).ToDateTime(new TimeOnly(17, 0))),
                    });
                }
            }
            return (kitchens, points, menus, meals);
        }

        // ---------------------------------------------------------------- devices and a year of alarms

        private (List<Device>, List<Alarm>) Alarms(List<Elder> elders)
        {
            var devices = new List<Device>();
            var stationOf = _places.Where(p => p.Facility is not null).ToDictionary(p => p.Code, p => p.Facility!.Id);
            foreach (var elder in elders)
            {
                var age = IdNumber.Age(elder.BirthDate, _today);
                var needs = elder.LivingArrangement is LivingArrangement.Alone or LivingArrangement.LeftBehind
                            || elder.CurrentLevel >= 2 || age >= 85;
                if (!needs || _rng.NextDouble() >= 0.55) continue;
                var id = Guid.CreateVersion7();
                devices.Add(new Device
                {
                    Id = id, ElderId = elder.Id, Kind = _rng.NextDouble() < 0.7 ? DeviceKind.OneKeyTerminal : DeviceKind.SmartWatch,
                    Serial = $"DEMO-{devices.Count + 1:000000}", SecretHash = DeviceKeys.New(id).Hash, RegionCode = elder.RegionCode,
                    UnitCode = elder.UnitCode, StationId = stationOf.GetValueOrDefault(elder.RegionCode), RegisteredAt = elder.CreatedAt.AddDays(3),
                    RegisteredBy = MarkerUser,
                    LastSeenAt = _rng.NextDouble() < 0.96 ? _now.AddMinutes(-_rng.Next(1, 25)) : _now.AddDays(-2 - _rng.Next(5)),
                });
            }

            var alarms = new List<Alarm>();
            var elderOf = elders.ToDictionary(e => e.Id);
            if (devices.Count == 0) return (devices, alarms);
            // The twelve calendar months of the SLA report (this one so far), 35–60 alarms in a whole month, all handled.
            var latest = _now.AddMinutes(-30);
            for (var monthsAgo = 11; monthsAgo >= 0; monthsAgo--)
            {
                var first = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-monthsAgo);
                var start = ServiceTime.Utc(first.ToDateTime(TimeOnly.MinValue));
                var end = ServiceTime.Utc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
                if (end > latest) end = latest;
                if (end <= start) continue;
                var span = end - start;
                var perMonth = Math.Max(3, (int)Math.Round((35 + _rng.Next(26)) * Math.Min(1, span.TotalDays / 30)));
                for (var n = 0; n < perMonth; n++)
                {
                    var raised = start + span * _rng.NextDouble();
                    var device = devices[_rng.Next(devices.Count)];
                    for (var tries = 0; device.RegisteredAt > raised && tries < 20; tries++) device = devices[_rng.Next(devices.Count)];
                    if (device.RegisteredAt > raised) continue; // only a device already installed can call
                    var elder = elderOf[device.ElderId];
                    var kind = _rng.NextDouble() switch
                    {
                        < 0.5 => AlarmKind.Sos, < 0.7 => AlarmKind.Fall, < 0.8 => AlarmKind.Inactivity, < 0.9 => AlarmKind.HeartRate,
                        < 0.95 => AlarmKind.Smoke, _ => AlarmKind.Gas,
                    };
                    var key = $"demo-{alarms.Count + 1:000000}";
                    var ackSeconds = _rng.NextDouble() < 0.88 ? 8 + _rng.Next(50) : 61 + _rng.Next(150);
                    var onSiteMinutes = _rng.NextDouble() < 0.93 ? 8 + _rng.Next(20) : 31 + _rng.Next(20);
                    var acknowledged = raised.AddSeconds(ackSeconds);
                    var dispatched = acknowledged.AddSeconds(40 + _rng.Next(120));
                    var onSite = dispatched.AddMinutes(onSiteMinutes);
                    var resolved = onSite.AddMinutes(10 + _rng.Next(50));
                    var outcome = _rng.NextDouble() switch
                    {
                        < 0.55 => AlarmOutcome.FalseAlarm, < 0.96 => AlarmOutcome.RealEmergency, _ => AlarmOutcome.Test,
                    };
                    alarms.Add(new Alarm
                    {
                        Source = $"device:{device.Id:N}", IdempotencyKey = key,
                        RequestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
                        ElderId = elder.Id, DeviceId = device.Id, Kind = kind, OccurredAt = raised.AddSeconds(-2), RaisedAt = raised,
                        Latitude = elder.Latitude, Longitude = elder.Longitude, RegionCode = elder.RegionCode, UnitCode = elder.UnitCode,
                        StationId = device.StationId, Status = AlarmStatus.Resolved,
                        AcknowledgedAt = acknowledged, AcknowledgedBy = $"值班员{Mark}",
                        DispatchedAt = dispatched, DispatchedBy = $"值班员{Mark}",
                        Responder = _rng.NextDouble() < 0.7 ? ResponderKind.StationHelper : ResponderKind.FamilyContact, ResponderName = $"助老员{Mark}",
                        OnSiteAt = onSite, OnSiteBy = $"助老员{Mark}", OnSiteLatitude = elder.Latitude, OnSiteLongitude = elder.Longitude,
                        OnSiteDistance = 5 + _rng.Next(60), OnSiteWithinRadius = true,
                        ResolvedAt = resolved, ResolvedBy = $"值班员{Mark}", Outcome = outcome,
                        Note = outcome == AlarmOutcome.FalseAlarm ? "误触，老人无恙" : outcome == AlarmOutcome.Test ? "设备测试" : "已协助处置，家属已到场",
                        EscalatedToDistrictAt = ackSeconds > 60 ? raised.AddSeconds(60) : null,
                        EscalatedToTownAt = onSiteMinutes > 30 ? raised.AddMinutes(30) : null,
                    });
                }
            }
            return (devices, alarms);
        }
    }
}
