using ElderCare.Web.Features.Access;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Facilities;

/// <summary>
/// The facility form as typed. Inputs carry the API's camelCase names ("floorArea", "beds.nursing"), which the binder
/// matches to these properties, so a use-case error keyed "beds.nursing" lands on that very input.
/// </summary>
public sealed class FacilityForm
{
    public string? Name { get; set; }
    public string? Code { get; set; }
    public string? Type { get; set; }
    public string? RegionCode { get; set; }
    public string? Status { get; set; }
    public string? StatusDate { get; set; }
    public string? FloorArea { get; set; }
    public BedsFields Beds { get; set; } = new();
    public List<string> Zones { get; set; } = [];
    public string? OperationMode { get; set; }
    public string? OperatorName { get; set; }
    public MedicalCareFields MedicalCare { get; set; } = new();
    public bool ColocatedWithHealthStation { get; set; }
    public bool SmallCommunity { get; set; }
    public string? HubFacilityId { get; set; }
    public LocationFields Location { get; set; } = new();
    public string? Address { get; set; }
    public string? OpeningHours { get; set; }
    public string? ServicePhone { get; set; }
    public string? OpenedOn { get; set; }
    public string? Version { get; set; }

    public sealed class BedsFields
    {
        public string? Total { get; set; }
        public string? Nursing { get; set; }
        public string? DayCare { get; set; }
    }

    public sealed class MedicalCareFields
    {
        public string? Mode { get; set; }
        public string? Partner { get; set; }
    }

    /// <summary>Parses the text into the use case's input; what cannot be read becomes a field error.</summary>
    public FacilityInput ToInput(FieldErrors errors)
    {
        BedsResource? beds = null;
        if (FormValues.Trimmed(Beds.Total) is not null || FormValues.Trimmed(Beds.Nursing) is not null
            || FormValues.Trimmed(Beds.DayCare) is not null)
            beds = new BedsResource(
                FormValues.Int(Beds.Total, "beds.total", errors) ?? 0,
                FormValues.Int(Beds.Nursing, "beds.nursing", errors) ?? 0,
                FormValues.Int(Beds.DayCare, "beds.dayCare", errors) ?? 0);

        var location = Location.Read(errors);

        var zones = new List<Zone>();
        foreach (var z in Zones)
            if (FormValues.Choice<Zone>(z, "zones", errors) is { } zone) zones.Add(zone);

        var mode = FormValues.Choice<MedicalCareMode>(MedicalCare.Mode, "medicalCare.mode", errors);
        return new FacilityInput
        {
            Name = Name,
            Code = FormValues.Trimmed(Code),
            Type = FormValues.Choice<FacilityType>(Type, "type", errors),
            RegionCode = FormValues.Trimmed(RegionCode),
            Status = FormValues.Choice<FacilityStatus>(Status, "status", errors),
            StatusDate = FormValues.Date(StatusDate, "statusDate", errors),
            FloorArea = FormValues.Double(FloorArea, "floorArea", errors),
            Beds = beds,
            Zones = zones,
            OperationMode = FormValues.Choice<OperationMode>(OperationMode, "operationMode", errors),
            OperatorName = OperatorName,
            MedicalCare = mode is null && FormValues.Trimmed(MedicalCare.Partner) is null
                ? null
                : new MedicalCareResource(mode ?? MedicalCareMode.None, MedicalCare.Partner),
            ColocatedWithHealthStation = ColocatedWithHealthStation,
            SmallCommunity = SmallCommunity,
            HubFacilityId = FormValues.Id(HubFacilityId, "hubFacilityId", errors),
            Location = location,
            Address = Address,
            OpeningHours = OpeningHours,
            ServicePhone = ServicePhone,
            OpenedOn = FormValues.Date(OpenedOn, "openedOn", errors),
            Version = FormValues.Int(Version, "version", errors),
        };
    }

    public static FacilityForm From(FacilityResource f) => new()
    {
        Name = f.Name,
        Code = f.Code,
        Type = EnumText.Of(f.Type),
        RegionCode = f.RegionCode,
        Status = EnumText.Of(f.Status),
        FloorArea = FormValues.Text(f.FloorArea),
        Beds = new() { Total = FormValues.Text(f.Beds.Total), Nursing = FormValues.Text(f.Beds.Nursing), DayCare = FormValues.Text(f.Beds.DayCare) },
        Zones = f.Zones.Select(EnumText.Of).ToList(),
        OperationMode = EnumText.Of(f.OperationMode),
        OperatorName = f.OperatorName,
        MedicalCare = new() { Mode = EnumText.Of(f.MedicalCare.Mode), Partner = f.MedicalCare.Partner },
        ColocatedWithHealthStation = f.ColocatedWithHealthStation,
        SmallCommunity = f.SmallCommunity,
        HubFacilityId = f.HubFacilityId?.ToString(),
        Location = LocationFields.Of(f.Location),
        Address = f.Address,
        OpeningHours = f.OpeningHours,
        ServicePhone = f.ServicePhone,
        OpenedOn = FormValues.Text(f.OpenedOn),
        Version = FormValues.Text(f.Version),
    };
}

/// <summary>What the create and edit pages share: the form, the choices it offers, and turning errors into ModelState.</summary>
public abstract class FacilityFormModel(AppDbContext db, CurrentUser user) : OutcomePageModel
{
    /// <summary>What the signed-in user may see and change.</summary>
    protected DataScope Scope => user.Scope;

    [BindProperty]
    public FacilityForm Form { get; set; } = new();

    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];
    public IReadOnlyList<FacilityRow> HubChoices { get; private set; } = [];

    /// <summary>Set on the edit page: the facility being edited may not be its own hub.</summary>
    public virtual Guid? EditingId => null;

    protected AppDbContext Db => db;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        RegionChoices = RegionChoice.Of(await ListRegions.Handle(null, user.Scope, db, ct));
        var hubs = new List<FacilityRow>();
        foreach (var type in new[] { FacilityType.StreetCenter, FacilityType.TownCenter })
        {
            // 中心带站 / 中心带点: one centre per street or town, so a hundred per type covers a district.
            var page = await ListFacilities.Handle(
                new ListFacilities.Query { Type = EnumText.Of(type), Page = 1, PageSize = PageRequest.MaxPageSize }, user.Scope, db, ct);
            hubs.AddRange(page.Value!.Items.Where(h => h.Id != EditingId));
        }
        HubChoices = hubs;
    }

    /// <summary>Parses the form; on parse errors also runs the shared checks so every problem shows at once.</summary>
    protected async Task<FacilityInput?> ReadFormAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        if (!errors.Any) return input;
        (await FacilityValidation.ValidateAsync(input, EditingId, user.Scope, db, ct)).MergeInto(errors);
        ModelState.AddFieldErrors(errors);
        return null;
    }
}
