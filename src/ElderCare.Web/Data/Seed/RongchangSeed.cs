using ElderCare.Web.Features.Coverage;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Plan;
using ElderCare.Web.Features.Regions;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Data.Seed;

/// <summary>
/// Reference data of Rongchang District from 荣昌府办发〔2020〕1号: the district, its 21 streets and towns, the
/// construction standards of Attachment 1, the certain part of the plan (Attachments 2 and 3) and the KPI targets.
/// Idempotent: adds what is missing and never overwrites what the district has edited.
/// </summary>
public static class RongchangSeed
{
    public const string DistrictCode = "500153";
    public static readonly DateOnly PolicyDate = new(2020, 1, 3);
    private const string Policy = "荣昌府办发〔2020〕1号";

    public sealed record UnitRow(string Code, string Name, RegionKind Kind, int Villages, int PointsExisting, int PointsPlanned,
        int[] Attachment2Cells);

    public static IReadOnlyList<UnitRow> Units { get; } = ReadUnits();

    public static async Task<int> RunAsync(AppDbContext db, CancellationToken ct = default)
    {
        var added = 0;
        var regions = await db.Regions.Select(r => r.Code).ToHashSetAsync(ct);
        if (regions.Add(DistrictCode))
        {
            db.Regions.Add(new Region { Code = DistrictCode, Name = "荣昌区", Kind = RegionKind.District, Population = 668977 });
            added++;
        }
        // A seeded code the district has corrected (ADR 0021) is not added again under its old code.
        var retired = await db.RegionCodeChanges.Select(c => c.OldCode).ToHashSetAsync(ct);
        foreach (var u in Units.Where(u => !retired.Contains(u.Code) && regions.Add(u.Code)))
        {
            db.Regions.Add(new Region { Code = u.Code, Name = u.Name, Kind = u.Kind, ParentCode = DistrictCode, VillageCount = u.Villages });
            added++;
        }

        var standards = await db.ConstructionStandards.Select(s => new { s.Type, s.EffectiveFrom }).ToListAsync(ct);
        foreach (var s in Attachment1().Where(s => !standards.Contains(new { s.Type, s.EffectiveFrom })))
        {
            db.ConstructionStandards.Add(s);
            added++;
        }

        var plan = await db.PlanLines.Select(p => new { p.UnitCode, p.Type }).ToListAsync(ct);
        foreach (var line in PlanLines().Where(l => !retired.Contains(l.UnitCode) && !plan.Contains(new { l.UnitCode, l.Type })))
        {
            db.PlanLines.Add(line);
            added++;
        }

        // Rows seeded before 现有或规划 was a column held the towns' stations as planned with no year; move them, unless edited.
        var seededStations = PlanLines().Where(l => l.ExistingOrPlanned is not null).ToDictionary(l => l.UnitCode);
        var unmoved = await db.PlanLines
            .Where(l => l.Type == FacilityType.CommunityStation && l.Existing == null && l.ExistingOrPlanned == null && l.ToConfirm)
            .ToListAsync(ct);
        foreach (var old in unmoved)
        {
            if (!seededStations.TryGetValue(old.UnitCode, out var now) || old.Years is not [{ Year: null } only]
                || only.Count != now.ExistingOrPlanned) continue;
            old.Years = [];
            old.ExistingOrPlanned = now.ExistingOrPlanned;
            old.Note = now.Note;
            added++;
        }

        var totals = await db.PlanTotals.Select(t => new { t.Type, t.Year }).ToListAsync(ct);
        foreach (var t in PlanTotals().Where(t => !totals.Contains(new { t.Type, t.Year })))
        {
            db.PlanTotals.Add(t);
            added++;
        }

        var priorityRules = await db.PriorityRules.Select(r => new { r.Group, r.EffectiveFrom }).ToListAsync(ct);
        foreach (var r in Features.Elders.PriorityGroups.Defaults(PolicyDate).Where(r => !priorityRules.Contains(new { r.Group, r.EffectiveFrom })))
        {
            db.PriorityRules.Add(r);
            added++;
        }

        var targets = await db.KpiTargets.Select(t => t.Key).ToHashSetAsync(ct);
        foreach (var t in KpiTargets().Where(t => !targets.Contains(t.Key)))
        {
            db.KpiTargets.Add(t);
            added++;
        }
        var mealRates = await db.MealSubsidyRates.Select(r => new { r.Group, r.EffectiveFrom }).ToListAsync(ct);
        foreach (var r in Features.Meals.MealSubsidy.Defaults(PolicyDate).Where(r => !mealRates.Contains(new { r.Group, r.EffectiveFrom })))
        {
            db.MealSubsidyRates.Add(r);
            added++;
        }
        added += await Features.Services.ServiceCatalogue.SeedAsync(db, ct);
        added += await Features.Evaluations.EvaluationDefaults.SeedAsync(db, ct); // evaluation templates (三(二)(三))
        added += await Features.Subsidies.SubsidySeed.RunAsync(db, PolicyDate, ct); // subsidies and fees (三(二)(三))
        added += await Features.Supervision.SupervisionDefaults.SeedAsync(db, ct); // supervision checklist (三(一))
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>附件1 建设标准, effective from the policy date.</summary>
    public static IEnumerable<ConstructionStandard> Attachment1()
    {
        const string source = Policy + " 附件1";
        yield return new ConstructionStandard
        {
            Type = FacilityType.StreetCenter, EffectiveFrom = PolicyDate, MinFloorArea = 1500, MinBeds = 20, Source = source,
            RequiredZones = [Zone.Leisure, Zone.Education, Zone.DailyCare, Zone.Health, Zone.HumanisticCare, Zone.ResidentialCare, Zone.Operations],
            AdvisoryColocation = true,
        };
        yield return new ConstructionStandard
        {
            Type = FacilityType.CommunityStation, EffectiveFrom = PolicyDate, MinFloorArea = 300, MinFloorAreaSmallCommunity = 200, Source = source,
            RequiredZones = [Zone.Leisure, Zone.Education, Zone.DailyCare, Zone.Health],
            AdvisoryDayCareBeds = true, AdvisoryColocation = true,
        };
        yield return new ConstructionStandard
        {
            Type = FacilityType.TownCenter, EffectiveFrom = PolicyDate, MinFloorArea = 800, Source = source,
            RequiredZones = [Zone.Leisure, Zone.DailyCare, Zone.ResidentialCare, Zone.MedicalRehab],
            AdvisoryMinNursingBeds = 20, AdvisoryColocation = true,
        };
        yield return new ConstructionStandard { Type = FacilityType.VillagePoint, EffectiveFrom = PolicyDate, MinFloorArea = 0, Source = source };
    }

    /// <summary>
    /// The certain part of Attachments 2 and 3 (see POLICY.md): counts per unit are known, the year of each planned
    /// facility is not, so every planned count is seeded with an unconfirmed year and flagged for the district.
    /// </summary>
    public static IEnumerable<PlanLine> PlanLines()
    {
        foreach (var u in Units)
        {
            var centre = u.Kind == RegionKind.Street ? FacilityType.StreetCenter : FacilityType.TownCenter;
            yield return new PlanLine
            {
                UnitCode = u.Code, Type = centre, Existing = 0, Years = [new() { Count = 1 }], ToConfirm = true,
                Note = u.Kind == RegionKind.Street
                    ? "附件2：全区2019年拟建2个、2020年拟建4个，本街道年份待确认；2020年底前建成"
                    : "附件3：全区2019—2022年分别拟建2、5、4、4个，本镇年份待确认；2022年底前建成",
            };
            var cells = string.Join(' ', u.Attachment2Cells);
            if (u.Kind == RegionKind.Street)
            {
                // Street rows print: street count, planned centre, existing stations, then planned stations.
                var existing = u.Attachment2Cells[2];
                var planned = u.Attachment2Cells.Skip(3).Sum();
                yield return new PlanLine
                {
                    UnitCode = u.Code, Type = FacilityType.CommunityStation, Existing = existing,
                    Years = planned > 0 ? [new() { Count = planned }] : [], ToConfirm = planned > 0,
                    Note = $"附件2原表「{cells}」：现有{existing}个、拟建{planned}个，年份待确认；2020年底前建成",
                };
            }
            else
            {
                var total = u.Attachment2Cells.Sum();
                yield return new PlanLine
                {
                    UnitCode = u.Code, Type = FacilityType.CommunityStation, Existing = null,
                    ExistingOrPlanned = total, ToConfirm = true,
                    Note = $"附件2原表「{cells}」：现有或规划合计{total}个，原文无法区分现有与拟建，待确认（全区各镇合计现有16个、拟建12个）",
                };
            }
            yield return new PlanLine
            {
                UnitCode = u.Code, Type = FacilityType.VillagePoint, Existing = u.PointsExisting,
                Years = u.PointsPlanned > 0 ? [new() { Count = u.PointsPlanned }] : [], ToConfirm = u.PointsPlanned > 0,
                Note = u.PointsPlanned > 0 ? "附件3：全区2019—2022年每年拟建8个，本镇街年份待确认；2022年底前建成" : null,
            };
        }
    }

    /// <summary>
    /// 附件2、附件3 合计行: street centres 0 existing, 2 in 2019 and 4 in 2020; community stations 35 existing, 12 and 18;
    /// town centres 2 / 5 / 4 / 4 in 2019–2022; village points 60 existing, 8 a year 2019–2022.
    /// </summary>
    public static IEnumerable<PlanTotal> PlanTotals()
    {
        PlanTotal T(FacilityType type, int? year, int count, string attachment) =>
            new() { Type = type, Year = year, Count = count, Source = $"{Policy} {attachment} 合计行" };
        yield return T(FacilityType.StreetCenter, null, 0, "附件2");
        yield return T(FacilityType.StreetCenter, 2019, 2, "附件2");
        yield return T(FacilityType.StreetCenter, 2020, 4, "附件2");
        yield return T(FacilityType.CommunityStation, null, 35, "附件2");
        yield return T(FacilityType.CommunityStation, 2019, 12, "附件2");
        yield return T(FacilityType.CommunityStation, 2020, 18, "附件2");
        yield return T(FacilityType.TownCenter, null, 0, "附件3");
        foreach (var (year, count) in new[] { (2019, 2), (2020, 5), (2021, 4), (2022, 4) })
            yield return T(FacilityType.TownCenter, year, count, "附件3");
        yield return T(FacilityType.VillagePoint, null, 60, "附件3");
        foreach (var year in new[] { 2019, 2020, 2021, 2022 })
            yield return T(FacilityType.VillagePoint, year, 8, "附件3");
    }

    /// <summary>一、工作目标 and 二(五): the targets the KPIs are measured against.</summary>
    public static IEnumerable<KpiTarget> KpiTargets()
    {
        KpiTarget T(string key, double target, int year) =>
            new() { Key = key, Target = target, Deadline = new DateOnly(year, 12, 31), EffectiveFrom = PolicyDate, Source = Policy };
        yield return T(Kpis.SocializedUrban, 0.9, 2022);
        yield return T(Kpis.SocializedRural, 0.6, 2022);
        yield return T(Kpis.MedicalCareCapability, 1.0, 2022);
        yield return T(Kpis.NursingBedShare, 0.5, 2022);
        yield return T(Kpis.MedicalCareInstitutions, 5, 2022);
        yield return T(Kpis.StreetCenterCoverage, 1.0, 2020);
        yield return T(Kpis.CommunityStationCoverage, 1.0, 2020);
        yield return T(Kpis.TownCenterCoverage, 1.0, 2022);
        yield return T(Kpis.VillagePointCoverage, 1.0, 2022);
        yield return T(Kpis.PriorityEldersAssessed, 1.0, 2022);
        yield return T(Kpis.PriorityEldersServed, 1.0, 2022);
    }

    private static List<UnitRow> ReadUnits()
    {
        using var stream = typeof(RongchangSeed).Assembly.GetManifestResourceStream("ElderCare.Web.Data.Seed.rongchang-units.csv")
            ?? throw new InvalidOperationException("rongchang-units.csv is not embedded");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        var rows = new List<UnitRow>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var quote = line.IndexOf('"', StringComparison.Ordinal);
            var cells = line[..(quote - 1)].Split(',');
            var printed = line[(quote + 1)..line.LastIndexOf('"')]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            rows.Add(new UnitRow(cells[0], cells[1], cells[2] == "street" ? RegionKind.Street : RegionKind.Town,
                int.Parse(cells[3]), int.Parse(cells[4]), int.Parse(cells[5]), printed));
        }
        return rows;
    }
}
