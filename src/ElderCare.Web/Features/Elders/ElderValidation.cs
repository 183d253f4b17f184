using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using ElderCare.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Elders;

/// <summary>The checks shared by registering and updating an elder; messages name the camelCase field.</summary>
public static partial class ElderValidation
{
    public sealed record Valid(string IdNumber, DateOnly BirthDate, Sex Sex);

    public static async Task<(FieldErrors Errors, Valid? Id)> ValidateAsync(ElderInput input, DataScope scope, AppDbContext db,
        ElderOptions options, DateOnly today, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "请填写姓名。");
        else if (name.Length > 50) errors.Add("name", "姓名不能超过 50 个字。");

        Valid? id = null;
        var parsed = IdNumber.Parse(input.IdNumber, today);
        if (!parsed.IsValid) errors.Add("idNumber", parsed.Error!);
        else if (IdNumber.Age(parsed.BirthDate, today) < options.MinimumAge)
            errors.Add("idNumber", $"按身份证号计算年龄为 {IdNumber.Age(parsed.BirthDate, today)} 周岁，未满 {options.MinimumAge} 周岁，不能登记为老年人。");
        else id = new Valid(parsed.Number!, parsed.BirthDate, parsed.IsMale ? Sex.Male : Sex.Female);

        if (!string.IsNullOrWhiteSpace(input.Phone) && !Phone().IsMatch(input.Phone.Trim())) errors.Add("phone", "电话应为 11 位手机号或带区号的座机号。");
        for (var i = 0; i < (input.EmergencyContacts?.Count ?? 0); i++)
        {
            var c = input.EmergencyContacts![i];
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add($"emergencyContacts[{i}].name", "请填写紧急联系人姓名。");
            else errors.AddIf(c.Name.Trim().Length > 50, $"emergencyContacts[{i}].name", "紧急联系人姓名不能超过 50 个字。");
            errors.AddIf(c.Relation?.Trim().Length > 20, $"emergencyContacts[{i}].relation", "关系不能超过 20 个字。");
            if (string.IsNullOrWhiteSpace(c.Phone) || !Phone().IsMatch(c.Phone.Trim())) errors.Add($"emergencyContacts[{i}].phone", "请填写紧急联系人的电话。");
        }
        if (input.LivingArrangement is null) errors.Add("livingArrangement", "请选择居住情况。");
        if (input.Categories is { } cats && cats.Distinct().Count() != cats.Count) errors.Add("categories", "类别有重复。");
        if (string.IsNullOrWhiteSpace(input.Consent?.Basis)) errors.Add("consent.basis", "请记录处理个人信息的依据（如本人同意、监护人同意）。");
        if (input.Consent?.On is { } on && on > today) errors.Add("consent.on", "同意日期不能晚于今天。");
        errors.CheckLocation(input.Location?.Lat, input.Location?.Lng);
        errors.AddIf(input.Address?.Length > 300, "address", "地址不能超过 300 个字。");
        errors.AddIf(input.FamilyDoctor?.Name?.Trim().Length > 50, "familyDoctor.name", "签约医生姓名不能超过 50 个字。");
        errors.AddIf(input.FamilyDoctor?.Institution?.Trim().Length > 200, "familyDoctor.institution", "签约医疗机构名称不能超过 200 个字。");
        errors.AddIf(input.Consent?.Basis?.Trim().Length > 100, "consent.basis", "同意依据不能超过 100 个字。");
        errors.AddIf(input.EmergencyContacts?.Count > 5, "emergencyContacts", "紧急联系人最多 5 位。");

        var code = input.RegionCode?.Trim();
        if (string.IsNullOrEmpty(code)) errors.Add("regionCode", "请选择所在社区或村。");
        else
        {
            // Outside the user's scope a region reads as unknown.
            var region = scope.Covers(code) ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) : null;
            if (region is null) errors.Add("regionCode", $"区域代码 {code} 不存在。");
            else if (region.Kind == RegionKind.District) errors.Add("regionCode", "请选择到社区、村，或至少到街道、镇。");
        }
        return (errors, id);
    }

    public static void ApplyTo(ElderInput input, Valid id, Elder e, FieldProtector protector, string recordedBy, DateOnly today)
    {
        e.Name = input.Name!.Trim();
        e.IdNumberProtected = protector.Protect(id.IdNumber)!;
        e.IdNumberIndex = protector.BlindIndex(id.IdNumber)!;
        e.BirthDate = id.BirthDate;
        e.Sex = id.Sex;
        e.PhoneProtected = protector.Protect(string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim());
        e.PhoneIndex = ElderPhone.Index(input.Phone, protector);
        e.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        e.Latitude = input.Location?.Lat;
        e.Longitude = input.Location?.Lng;
        e.RegionCode = input.RegionCode!.Trim();
        e.UnitCode = Region.UnitOf(e.RegionCode)!;
        e.LivingArrangement = input.LivingArrangement!.Value;
        e.Categories = input.Categories?.Distinct().Order().ToList() ?? [];
        e.EmergencyContacts = input.EmergencyContacts?.Select(c => new EmergencyContact
        {
            Name = c.Name!.Trim(), Relation = c.Relation?.Trim(), PhoneProtected = protector.Protect(c.Phone!.Trim()),
        }).ToList() ?? [];
        e.FamilyDoctorName = input.FamilyDoctor?.Name?.Trim();
        e.FamilyDoctorInstitution = input.FamilyDoctor?.Institution?.Trim();
        e.FamilyDoctorSince = input.FamilyDoctor?.Since;
        if (e.ConsentBasis != input.Consent!.Basis!.Trim())
        {
            e.ConsentBasis = input.Consent.Basis.Trim();
            e.ConsentOn = input.Consent.On ?? today;
            e.ConsentRecordedBy = recordedBy;
        }
    }

    /// <summary>ADR 20: the free-text fields, cleaned by the one text rule; refusals land in <paramref name="errors"/>.</summary>
    public static ElderInput CleanText(ElderInput input, FieldErrors errors) => input with
    {
        Name = errors.Text(input.Name, "name", "姓名", FreeText.PersonName),
        Address = errors.Text(input.Address, "address", "地址", FreeText.Address),
        EmergencyContacts = input.EmergencyContacts?.Select((c, i) => c is null ? c! : c with
        {
            Name = errors.Text(c.Name, $"emergencyContacts[{i}].name", "紧急联系人姓名", FreeText.PersonName),
            Relation = errors.Text(c.Relation, $"emergencyContacts[{i}].relation", "关系", FreeText.Short),
        }).ToList(),
        FamilyDoctor = input.FamilyDoctor is not { } d ? null : d with
        {
            Name = errors.Text(d.Name, "familyDoctor.name", "签约医生姓名", FreeText.PersonName),
            Institution = errors.Text(d.Institution, "familyDoctor.institution", "签约医疗机构名称", FreeText.LongName),
        },
        Consent = input.Consent is not { } c ? null : c with { Basis = errors.Text(c.Basis, "consent.basis", "同意依据", 100) },
    };

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();
}
