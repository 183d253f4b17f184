using System.Globalization;
using System.Text.RegularExpressions;
using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Services;

/// <summary>
/// Registers a worker of a provider in scope: qualifications with dated certificates, the regions served, the weekly
/// slots (the default week of <see cref="ServiceOptions"/> when none), a base position for dispatch and the linked
/// caregiver account; the phone is stored encrypted.
/// </summary>
public static partial class RegisterWorker
{
    public sealed record Input(Guid? ProviderId, string? Name, string? Phone, WorkerKind? Kind, List<string>? Qualifications,
        List<CertificateResource>? Certificates, List<string>? RegionCodes, List<SlotResource>? Availability,
        double? BaseLatitude, double? BaseLongitude, string? UserName);

    /// <summary>Without slots a worker is taken to work every day of the week within the default working hours.</summary>
    public static IReadOnlyList<AvailabilitySlot> DefaultAvailability(ServiceOptions options) =>
        Enumerable.Range(1, 7).Select(d => new AvailabilitySlot
        {
            Day = d, FromMinute = options.DefaultWorkdayStartHour * 60, ToMinute = options.DefaultWorkdayEndHour * 60,
        }).ToList();

    public static async Task<Outcome<WorkerResource>> Handle(Input input, DataScope scope, AppDbContext db, FieldProtector protector,
        ServiceOptions options, TimeProvider clock, CancellationToken ct)
    {
        var (errors, c) = await Check(input, scope, db, null, ct);
        if (errors.Any) return Outcome<WorkerResource>.Invalid(errors);

        var worker = new Worker { ProviderId = c!.ProviderId, Name = c.Name, CreatedAt = clock.UtcNow() };
        c.ApplyTo(worker, protector);
        if (worker.Availability.Count == 0) worker.Availability = [.. DefaultAvailability(options)];
        db.Workers.Add(worker);
        await db.SaveChangesAsync(ct);
        return WorkerResource.From(worker, protector);
    }

    /// <summary>What registering and editing check alike; a phone is required unless editing (null keeps the stored one).</summary>
    internal sealed record Checked(Guid ProviderId, string Name, string? Phone, WorkerKind Kind, List<string> Qualifications,
        List<Certificate> Certificates, List<string> Regions, List<AvailabilitySlot> Slots, double? BaseLatitude, double? BaseLongitude, Guid? UserId)
    {
        public void ApplyTo(Worker w, FieldProtector protector)
        {
            w.ProviderId = ProviderId;
            w.Name = Name;
            if (Phone is not null) w.PhoneProtected = protector.Protect(Phone);
            w.Kind = Kind;
            w.Qualifications = Qualifications;
            w.Certificates = Certificates;
            w.RegionCodes = Regions;
            w.Availability = Slots;
            w.BaseLatitude = BaseLatitude;
            w.BaseLongitude = BaseLongitude;
            w.UserId = UserId;
        }
    }

    internal static async Task<(FieldErrors, Checked?)> Check(Input input, DataScope scope, AppDbContext db, Worker? editing,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        input = input with
        {
            Name = errors.Text(input.Name, "name", "姓名", FreeText.PersonName),
            Certificates = input.Certificates?.Select((c, i) => c is null ? c!
                : c with { Number = errors.Text(c.Number, $"certificates[{i}].number", "证书编号", FreeText.PersonName) }).ToList(),
        };
        var provider = input.ProviderId is { } pid
            ? await db.ServiceProviders.AsNoTracking().InScope(scope).FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        errors.AddIf(provider is null, "providerId", "请选择服务机构（须在您的管辖范围内）。");
        var name = input.Name?.Trim();
        errors.AddIf(string.IsNullOrEmpty(name) || name.Length > 50, "name", "请填写姓名（不超过 50 字）。");
        var phone = input.Phone?.Trim();
        if (editing is not null && string.IsNullOrEmpty(phone)) phone = null;
        else errors.AddIf(string.IsNullOrEmpty(phone) || !Phone().IsMatch(phone), "phone", "请填写 11 位手机号或带区号的座机号。");
        var qualifications = (input.Qualifications ?? []).Select(q => q.Trim()).Distinct().ToList();
        foreach (var q in qualifications.Where(q => !ServiceLabels.Qualifications.ContainsKey(q)))
            errors.Add("qualifications", $"未知的资质“{q}”，可选：{string.Join("、", ServiceLabels.Qualifications.Keys)}。");
        var certificates = input.Certificates ?? [];
        for (var i = 0; i < certificates.Count; i++)
        {
            errors.AddIf(!qualifications.Contains(certificates[i].Qualification), $"certificates[{i}].qualification",
                "证书对应的资质须在资质列表中。");
            errors.AddIf(certificates[i].Number?.Trim().Length > 50, $"certificates[{i}].number", "证书编号不超过 50 字。");
        }
        var regions = (input.RegionCodes ?? []).Select(r => r.Trim()).Distinct().ToList();
        if (regions.Count == 0) errors.Add("regionCodes", "请至少选择一个服务区域。");
        else
        {
            // Outside scope a region reads as unknown (ADR 0019), for an operator too: the units its facilities stand in.
            var known = await db.Regions.AsNoTracking().InScope(scope, db).Where(r => regions.Contains(r.Code))
                .Select(r => r.Code).ToListAsync(ct);
            foreach (var r in regions.Where(r => !known.Contains(r)))
                errors.Add("regionCodes", $"区划代码 {r} 不存在。");
        }
        var slots = new List<AvailabilitySlot>();
        foreach (var (s, i) in (input.Availability ?? []).Select((s, i) => (s, i)))
        {
            int? from = Minutes(s.From), to = Minutes(s.To);
            if (s.Day is < 1 or > 7 || from is null || to is null || to <= from)
                errors.Add($"availability[{i}]", "工作时段应为星期 1–7 与 HH:mm 起止时间，结束晚于开始。");
            else slots.Add(new AvailabilitySlot { Day = s.Day, FromMinute = from.Value, ToMinute = to.Value });
        }
        errors.AddIf((input.BaseLatitude is null) != (input.BaseLongitude is null), "baseLatitude", "出发位置须同时填写有效的纬度和经度。");
        errors.CheckLocation(input.BaseLatitude, input.BaseLongitude, "baseLatitude", "baseLongitude");
        Guid? userId = null;
        if (!string.IsNullOrWhiteSpace(input.UserName))
        {
            var u = await db.Users.AsNoTracking().Where(x => x.UserName == input.UserName.Trim())
                .Select(x => new { x.Id, x.Role }).FirstOrDefaultAsync(ct);
            var self = editing?.Id ?? Guid.Empty;
            // A caregiver account already linked to a worker outside scope reads as unknown (ADR 0019): neither linked
            // away nor disclosed. One linked to another worker in scope is named as taken.
            var linked = u is null ? null : await db.Workers.AsNoTracking().Where(w => w.UserId == u.Id && w.Id != self)
                .Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
            var linkedInScope = linked is { } l && await db.Workers.InScope(scope, db).AnyAsync(w => w.Id == l, ct);
            if (u is null || u.Role != Role.Caregiver || (linked is not null && !linkedInScope))
                errors.Add("userName", "须为角色是“护理员”的已有用户。");
            else if (linked is not null) errors.Add("userName", "该用户已关联其他服务人员。");
            else userId = u.Id;
        }
        if (errors.Any) return (errors, null);
        return (errors, new Checked(provider!.Id, name!, phone, input.Kind ?? editing?.Kind ?? WorkerKind.Caregiver, qualifications,
            certificates.Select(c => new Certificate
            {
                Qualification = c.Qualification, Number = c.Number?.Trim() is { Length: > 0 } n ? n : null, ExpiresOn = c.ExpiresOn,
            }).ToList(),
            regions, slots, input.BaseLatitude, input.BaseLongitude, userId));
    }

    internal static int? Minutes(string? hm) =>
        TimeOnly.TryParseExact(hm?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute
        : hm?.Trim() == "24:00" ? 24 * 60 : null;

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex Phone();
}
