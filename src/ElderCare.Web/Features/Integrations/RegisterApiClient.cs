using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Audit;
using ElderCare.Web.Features.Users;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Integrations;

public static class RegisterApiClient
{
    /// <summary><paramref name="ExpiresOn"/>: the last day (China time) the client may call; <paramref name="RequestsPerMinute"/>
    /// empty = the default of the Integrations settings.</summary>
    public sealed record Input(string? Name, string? Role, string? RegionCode, List<Guid>? FacilityIds, DateOnly? ExpiresOn,
        int? RequestsPerMinute);

    /// <summary>Roles an integration may have: not the administrator (who manages users and clients) nor a caregiver (own orders).</summary>
    public static bool AllowedRole(Role role) => role is not (Access.Role.DistrictAdmin or Access.Role.Caregiver);

    public const int MaxRequestsPerMinute = 100_000;

    /// <summary>Creates the client and its first secret, returned once (ADR 29).</summary>
    public static async Task<Outcome<ApiClientCreated>> Handle(Input input, AppDbContext db, IntegrationOptions options, TimeProvider clock,
        AuditLog audit, CurrentUser actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Text(input.Name, "name", "名称", FreeText.PersonName)?.Trim() ?? "";
        if (name.Length < 2) errors.Add("name", "请填写接口账户名称（2 至 50 个字符），例如“市平台”。");
        var role = RegisterUser.Validate(input.Role, input.RegionCode, input.FacilityIds, null, errors);
        if (role is { } r && !AllowedRole(r)) errors.Add("role", "接口账户不能是全区管理员或护理员角色。");
        var today = clock.Today();
        if (input.ExpiresOn is null) errors.Add("expiresOn", "请填写有效期至（YYYY-MM-DD）。");
        else if (input.ExpiresOn < today) errors.Add("expiresOn", "有效期至不能早于今天。");
        if (input.RequestsPerMinute is < 1 or > MaxRequestsPerMinute)
            errors.Add("requestsPerMinute", $"每分钟请求上限应在 1 至 {MaxRequestsPerMinute} 之间，留空则用默认值。");
        if (errors.Any) return Outcome<ApiClientCreated>.Invalid(errors);
        await RegisterUser.CheckScopeExists(role!.Value, input.RegionCode, input.FacilityIds, db, errors, ct);
        if (errors.Any) return Outcome<ApiClientCreated>.Invalid(errors);
        if (await db.ApiClients.AnyAsync(c => c.Name == name, ct)) return Outcome<ApiClientCreated>.Conflict($"接口账户名称 {name} 已被使用。");

        var now = clock.UtcNow();
        var client = new ApiClient
        {
            Name = name, Role = role.Value, RegionCode = role == Access.Role.TownOfficer ? input.RegionCode : null,
            FacilityIds = role == Access.Role.Operator ? input.FacilityIds ?? [] : [], RequestsPerMinute = input.RequestsPerMinute,
            ExpiresAt = EndOfChinaDay(input.ExpiresOn!.Value), CreatedAt = now, CreatedBy = actor.UserName ?? "(命令行)",
        };
        var secret = ClientSecrets.NewSecret();
        var stored = new ApiClientSecret
        {
            ClientId = client.Id, Hash = ClientSecrets.Hash(secret), Hint = ClientSecrets.Hint(secret), CreatedAt = now,
        };
        db.ApiClients.Add(client);
        db.ApiClientSecrets.Add(stored);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ApiClientCreated>.Conflict($"接口账户名称 {name} 已被使用。");
        }
        await audit.AppendAsync(new(actor.Id, actor.UserName ?? "(命令行)", "api-client.add", $"api-client/{client.Id}", AuditOutcome.Success,
            actor.Address,
            $"{client.ActorName} 角色 {EnumText.Of(client.Role)} 范围 {client.RegionCode ?? string.Join(",", client.FacilityIds)}"));
        return new ApiClientCreated(ApiClientResource.From(client, 1, options, now), stored.Id, secret);
    }

    /// <summary>The first instant after the given China day, in UTC: a client valid "until 2027-12-31" calls all that day.</summary>
    public static DateTime EndOfChinaDay(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaClock.Offset).UtcDateTime;
}
