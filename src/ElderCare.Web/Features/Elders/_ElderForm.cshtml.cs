using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Features.Shared;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElderCare.Web.Features.Elders;

/// <summary>
/// The elder form as typed. Inputs carry the API's camelCase names ("idNumber", "consent.basis",
/// "emergencyContacts[0].phone"), so an error of the use case lands on the very input it names.
/// </summary>
public sealed class ElderForm
{
    /// <summary>The form offers this many contact rows; blank rows are dropped.</summary>
    public const int ContactRows = 3;

    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public LocationFields Location { get; set; } = new();
    public string? RegionCode { get; set; }
    public string? LivingArrangement { get; set; }
    public List<string> Categories { get; set; } = [];
    public List<ContactFields> EmergencyContacts { get; set; } = [];
    public DoctorFields FamilyDoctor { get; set; } = new();
    public ConsentFields Consent { get; set; } = new();
    public string? Status { get; set; }
    public string? StatusOn { get; set; }
    public string? Version { get; set; }

    public sealed class ContactFields
    {
        public string? Name { get; set; }
        public string? Relation { get; set; }
        public string? Phone { get; set; }

        public bool IsBlank => FormValues.Trimmed(Name) is null && FormValues.Trimmed(Relation) is null && FormValues.Trimmed(Phone) is null;
    }

    public sealed class DoctorFields
    {
        public string? Name { get; set; }
        public string? Institution { get; set; }
        public string? Since { get; set; }
    }

    public sealed class ConsentFields
    {
        /// <summary>One of <see cref="ElderLabels.ConsentBases"/>.</summary>
        public string? Basis { get; set; }

        /// <summary>What "其他" means, typed by the user.</summary>
        public string? Other { get; set; }

        public string? On { get; set; }
    }

    /// <summary>The contact rows to show: those typed, then blank ones up to <see cref="ContactRows"/>.</summary>
    public IReadOnlyList<ContactFields> ContactRowsToShow() =>
        [.. EmergencyContacts, .. Enumerable.Range(0, Math.Max(0, ContactRows - EmergencyContacts.Count)).Select(_ => new ContactFields())];

    /// <summary>
    /// Parses the text into the use case's input; what cannot be read becomes a field error. Blank contact rows are
    /// dropped first, so the rows kept are numbered as the use case numbers them in its messages.
    /// </summary>
    public ElderInput ToInput(FieldErrors errors)
    {
        EmergencyContacts = EmergencyContacts.Where(c => !c.IsBlank).Take(ContactRows).ToList();

        var location = Location.Read(errors);

        var categories = new List<ElderCategory>();
        foreach (var c in Categories)
            if (FormValues.Choice<ElderCategory>(c, "categories", errors) is { } category) categories.Add(category);

        var doctorSince = FormValues.Date(FamilyDoctor.Since, "familyDoctor.since", errors);
        var doctor = FormValues.Trimmed(FamilyDoctor.Name) is null && FormValues.Trimmed(FamilyDoctor.Institution) is null && doctorSince is null
            ? null
            : new FamilyDoctorResource(FormValues.Trimmed(FamilyDoctor.Name), FormValues.Trimmed(FamilyDoctor.Institution), doctorSince);

        return new ElderInput
        {
            Name = Name,
            IdNumber = IdNumber,
            Phone = Phone,
            Address = Address,
            Location = location,
            RegionCode = FormValues.Trimmed(RegionCode),
            LivingArrangement = FormValues.Choice<LivingArrangement>(LivingArrangement, "livingArrangement", errors),
            Categories = categories,
            EmergencyContacts = EmergencyContacts.Select(c => new ContactInput(c.Name, FormValues.Trimmed(c.Relation), c.Phone)).ToList(),
            FamilyDoctor = doctor,
            Consent = new ConsentInput(ConsentBasis(), FormValues.Date(Consent.On, "consent.on", errors)),
            Status = FormValues.Choice<ElderStatus>(Status, "status", errors),
            StatusOn = FormValues.Date(StatusOn, "statusOn", errors),
            Version = FormValues.Int(Version, "version", errors),
        };
    }

    /// <summary>"其他" with what the user typed becomes "其他：…"; an empty choice stays empty, for the use case to name.</summary>
    private string? ConsentBasis()
    {
        var basis = FormValues.Trimmed(Consent.Basis);
        var other = FormValues.Trimmed(Consent.Other);
        return basis == ElderLabels.OtherBasis && other is not null ? $"{ElderLabels.OtherBasis}：{other}" : basis;
    }

    /// <summary>The form of a registered elder; the ID number is left blank (it is shown masked and only re-entered to correct it).</summary>
    public static ElderForm From(ElderResource e)
    {
        var known = ElderLabels.ConsentBases.Contains(e.Consent.Basis);
        var prefix = ElderLabels.OtherBasis + "：";
        return new()
        {
            Name = e.Name,
            Phone = e.Phone,
            Address = e.Address,
            Location = LocationFields.Of(e.Location),
            RegionCode = e.RegionCode,
            LivingArrangement = EnumText.Of(e.LivingArrangement),
            Categories = e.Categories.Select(EnumText.Of).ToList(),
            EmergencyContacts = e.EmergencyContacts
                .Select(c => new ContactFields { Name = c.Name, Relation = c.Relation, Phone = c.Phone })
                .ToList(),
            FamilyDoctor = new()
            {
                Name = e.FamilyDoctor?.Name, Institution = e.FamilyDoctor?.Institution, Since = FormValues.Text(e.FamilyDoctor?.Since),
            },
            Consent = new()
            {
                Basis = known ? e.Consent.Basis : ElderLabels.OtherBasis,
                Other = known ? null
                    : e.Consent.Basis.StartsWith(prefix, StringComparison.Ordinal) ? e.Consent.Basis[prefix.Length..] : e.Consent.Basis,
                On = FormValues.Text(e.Consent.On),
            },
            Status = EnumText.Of(e.Status),
            StatusOn = FormValues.Text(e.StatusOn),
            Version = FormValues.Text(e.Version),
        };
    }
}

/// <summary>What the register and edit pages share: the form, the regions it offers, and turning errors into ModelState.</summary>
public abstract class ElderFormModel(AppDbContext db, CurrentUser user, ElderOptions options, TimeProvider clock)
    : OutcomePageModel
{
    protected AppDbContext Db => db;
    protected CurrentUser Current => user;
    protected ElderOptions Options => options;
    protected TimeProvider Clock => clock;

    [BindProperty]
    public ElderForm Form { get; set; } = new();

    /// <summary>Streets and towns in scope with their communities and villages.</summary>
    public IReadOnlyList<RegionChoice> RegionChoices { get; private set; } = [];

    /// <summary>On the edit page: the masked ID number on record.</summary>
    public virtual string? MaskedIdNumber => null;

    public string Today => FormValues.Text(clock.Today());

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        RegionChoices = RegionChoice.Of(await ListRegions.Handle(null, user.Scope, db, ct));
    }

    /// <summary>Parses the form; on parse errors also runs the shared checks so every problem shows at once.</summary>
    protected async Task<ElderInput?> ReadFormAsync(Func<ElderInput, ElderInput>? complete, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = Form.ToInput(errors);
        if (complete is not null) input = complete(input);
        if (!errors.Any) return input;
        (await ElderValidation.ValidateAsync(input, user.Scope, db, options, clock.Today(), ct)).Errors.MergeInto(errors);
        ModelState.AddFieldErrors(errors);
        return null;
    }
}
