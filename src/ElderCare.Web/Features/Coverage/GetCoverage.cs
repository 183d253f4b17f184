using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Coverage;

public sealed record CoverageReport(DateOnly AsOf, IReadOnlyList<UnitCoverage> Units);

public static class GetCoverage
{
    public static async Task<Outcome<CoverageReport>> Handle(
        string? asOf, string? regionCode, DataScope scope, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = clock.DateOrToday(asOf, "asOf", errors);
        if (errors.Any) return Outcome<CoverageReport>.Invalid(errors);
        if (Prefix(regionCode, scope) is not { } prefix) return Outcome<CoverageReport>.NotFound("无权查看该区域。");
        var facts = await LoadUnitFacts(date, prefix, db, ct);
        return new CoverageReport(date, CoverageRules.NoteSurpluses(facts.Select(CoverageRules.Compute).ToList()));
    }

    /// <summary>The region prefix to report on: the one asked for if it lies in scope, else the scope's own; null when out of scope.</summary>
    internal static string? Prefix(string? regionCode, DataScope scope)
    {
        if (scope.RegionPrefix is not { } own) return null;
        if (string.IsNullOrWhiteSpace(regionCode)) return own;
        var code = regionCode.Trim();
        if (own.StartsWith(code, StringComparison.Ordinal)) return own; // the district asked for, one unit in scope
        return scope.Covers(code) ? code : null;
    }

    /// <summary>A facility operating on the date, with the columns the coverage counts and the KPIs sum.</summary>
    internal sealed record OperatingRow(
        string UnitCode, FacilityType Type, OperationMode OperationMode, MedicalCareMode MedicalCareMode, int BedsTotal, int BedsNursing)
    {
        /// <summary>Meets every required rule of the 附件1 standard in force on the date (达标).</summary>
        public bool Compliant { get; init; } = true;

        /// <summary>Where it stands (WGS-84), for the 15-minute circle (Map/GetReach); null when not recorded.</summary>
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
    }

    private sealed record OperatingFacility(string UnitCode, FacilityType Type, OperationMode OperationMode, MedicalCareMode MedicalCareMode,
        int BedsTotal, int BedsNursing, int BedsDayCare, double FloorArea, bool SmallCommunity, bool Colocated, List<Zone> Zones, double? Latitude,
        double? Longitude);

    /// <summary>
    /// One pass over the facilities operating on a date, as rows rather than GROUP BY: grouping by (UnitCode, Type)
    /// makes SQLite walk IX_Facilities_UnitCode_Type with a table lookup per facility, twice the time of a scan
    /// (bench/NOTES.md).
    /// </summary>
    internal static async Task<List<OperatingRow>> LoadOperating(DateOnly asOf, string? regionCode, AppDbContext db, CancellationToken ct,
        GeoBox? near = null)
    {
        var standards = await db.ConstructionStandards.AsNoTracking().ToListAsync(ct);
        var facilities = db.Facilities.AsNoTracking().InRegion(regionCode).OperatingOn(asOf);
        if (near is { } box)
            facilities = facilities.Where(f => f.Latitude >= box.South && f.Latitude <= box.North && f.Longitude >= box.West
                                               && f.Longitude <= box.East);
        var rows = await facilities
            .Select(f => new OperatingFacility(f.UnitCode, f.Type, f.OperationMode, f.MedicalCareMode, f.Beds.Total, f.Beds.Nursing, f.Beds.DayCare,
                f.FloorArea, f.SmallCommunity, f.ColocatedWithHealthStation, f.Zones, f.Latitude, f.Longitude))
            .ToListAsync(ct);
        return rows.Select(f => new OperatingRow(f.UnitCode, f.Type, f.OperationMode, f.MedicalCareMode, f.BedsTotal, f.BedsNursing)
        {
            Latitude = f.Latitude,
            Longitude = f.Longitude,
            // 附件1 required rules only; advisory ones (nursing beds, co-location, hub span) do not decide coverage.
            Compliant = Compliance.Check(new Facility
            {
                Name = "", RegionCode = f.UnitCode, UnitCode = f.UnitCode, Type = f.Type, FloorArea = f.FloorArea, SmallCommunity = f.SmallCommunity,
                ColocatedWithHealthStation = f.Colocated, Zones = f.Zones,
                Beds = new Beds { Total = f.BedsTotal, Nursing = f.BedsNursing, DayCare = f.BedsDayCare },
            }, ConstructionStandard.EffectiveOn(standards, f.Type, asOf)).Compliant,
        }).ToList();
    }

    /// <summary>Four queries whatever the size: units, registered communities/villages, operating facilities, plan totals.</summary>
    internal static async Task<List<UnitFacts>> LoadUnitFacts(DateOnly asOf, string? regionCode, AppDbContext db, CancellationToken ct,
        List<OperatingRow>? operatingRows = null)
    {
        var prefix = regionCode?.Trim() ?? "";
        var units = await db.Regions.AsNoTracking()
            .Units().Where(r => r.Code.StartsWith(prefix))
            .OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Kind, r.CommunityCount, r.VillageCount })
            .ToListAsync(ct);

        var children = (await db.Regions.AsNoTracking()
                .Where(r => (r.Kind == RegionKind.Community || r.Kind == RegionKind.Village) && r.Code.StartsWith(prefix))
                .GroupBy(r => new { r.ParentCode, r.Kind })
                .Select(g => new { g.Key.ParentCode, g.Key.Kind, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(c => (c.ParentCode, c.Kind), c => c.Count);

        var rows = operatingRows ?? await LoadOperating(asOf, prefix, db, ct);
        var operating = rows.Where(o => o.Compliant).CountBy(o => (o.UnitCode, o.Type))
            .ToLookup(o => o.Key.UnitCode, o => (o.Key.Type, Count: o.Value));
        var notCompliant = rows.Where(o => !o.Compliant).CountBy(o => (o.UnitCode, o.Type))
            .ToLookup(o => o.Key.UnitCode, o => (o.Key.Type, Count: o.Value));

        // The total is summed in SQL over the JSON years: materialising the owned collections costs 3× more.
        var plan = (await db.PlanLines.AsNoTracking().Where(p => p.UnitCode.StartsWith(prefix))
                .Select(p => new
                {
                    p.UnitCode,
                    p.Type,
                    p.ToConfirm,
                    TotalWhenDone = (p.Existing ?? 0) + p.Years.Sum(y => y.Count) + (p.ExistingOrPlanned ?? 0),
                })
                .ToListAsync(ct))
            .ToLookup(p => p.UnitCode);

        return units.Select(u => new UnitFacts(
                u.Code, u.Name, u.Kind, u.CommunityCount, u.VillageCount,
                children.GetValueOrDefault((u.Code, RegionKind.Community)),
                children.GetValueOrDefault((u.Code, RegionKind.Village)),
                operating[u.Code].ToDictionary(o => o.Type, o => o.Count),
                plan[u.Code].ToDictionary(p => p.Type, p => p.TotalWhenDone))
            {
                OperatingNotCompliant = notCompliant[u.Code].ToDictionary(o => o.Type, o => o.Count),
                PlanToConfirm = plan[u.Code].Where(p => p.ToConfirm).Select(p => p.Type).ToHashSet(),
            })
            .ToList();
    }
}
