using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Facilities;
using ElderCare.Web.Features.Regions;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Tasks;

/// <summary>The checks the new-task and edit forms share: texts (ADR 20), the phone, the unit and facility in scope (ADR 19).</summary>
public static class TaskFields
{
    public sealed record Responsible(string? Name, string? Phone, string? Post);

    public static Responsible CleanResponsible(string? name, string? phone, string? post, FieldErrors errors)
    {
        var n = errors.Text(name, "responsibleName", "责任人", FreeText.PersonName);
        var p = errors.Text(phone, "responsiblePhone", "责任人电话", FreeText.Short);
        errors.AddIf(p is { Length: > 0 } && !IsPhone(p), "responsiblePhone", "责任人电话应为 11 位手机号或带区号的固定电话，例如 023-46789012。");
        var job = errors.Text(post, "responsiblePost", "责任人职务", FreeText.Name);
        return new(Blank(n), Blank(p), Blank(job));
    }

    /// <summary>A mobile (11 digits from 1) or a landline with area code (digits and one hyphen, 7–13 digits).</summary>
    public static bool IsPhone(string s) =>
        (s.Length == 11 && s[0] == '1' && s.All(char.IsAsciiDigit))
        || (s.Count(c => c == '-') <= 1 && s.Replace("-", "", StringComparison.Ordinal) is { Length: >= 7 and <= 13 } d && d.All(char.IsAsciiDigit));

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>The region the task is for: a street or town, or a community or village, in the caller's scope; else an error on the field.</summary>
    public static async Task<Region?> RegionInScope(string? code, DataScope scope, AppDbContext db, FieldErrors errors, CancellationToken ct)
    {
        var c = code?.Trim();
        if (string.IsNullOrEmpty(c) || c.Length is not (9 or 12) || scope.RegionPrefix is null || !scope.Covers(c))
        {
            errors.Add("regionCode", "请选择管辖范围内的镇街或村（社区）。");
            return null;
        }
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == c, ct);
        errors.AddIf(region is null || region.Kind == RegionKind.District, "regionCode", "请选择管辖范围内的镇街或村（社区）。");
        return region is null || region.Kind == RegionKind.District ? null : region;
    }

    /// <summary>A facility in scope; the region becomes its own when none was given. An out-of-scope id is "not found" (ADR 19).</summary>
    public static async Task<Facility?> FacilityInScope(Guid? id, DataScope scope, AppDbContext db, FieldErrors errors, CancellationToken ct)
    {
        if (id is not { } fid) return null;
        var f = await db.Facilities.AsNoTracking().InScope(scope).FirstOrDefaultAsync(x => x.Id == fid, ct);
        errors.AddIf(f is null, "facilityId", "找不到该设施，或不在您的管辖范围内。");
        return f;
    }

    public static void CheckDueOn(DateOnly? dueOn, FieldErrors errors) =>
        errors.AddIf(dueOn is null, "dueOn", "请填写截止日期（YYYY-MM-DD）。");
}
