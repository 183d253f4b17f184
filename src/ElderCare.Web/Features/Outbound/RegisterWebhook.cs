using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Privacy;
using ElderCare.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Outbound;

/// <summary>
/// A district admin subscribes another system to events (ADR 29): a name, the URL to POST to (https), the event types,
/// and optionally a region (street or town) whose events only are sent. The signing secret is generated here and shown
/// once; it is stored encrypted because every POST is signed with it.
/// </summary>
public static class RegisterWebhook
{
    public sealed record Input(string? Name, string? Url, List<string>? Events, string? RegionCode);

    /// <summary>The URL rule: absolute, https (http only when the options allow it, for tests), no user name or password in it.</summary>
    public static string? UrlProblem(string? url, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(url)) return "请填写接收地址（https://…）。";
        if (url.Length > 500) return "接收地址不能超过 500 个字符。";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttps && u.Scheme != Uri.UriSchemeHttp)
            return "接收地址应为 http(s) 绝对地址。";
        if (requireHttps && u.Scheme != Uri.UriSchemeHttps) return "接收地址须使用 https。";
        if (!string.IsNullOrEmpty(u.UserInfo)) return "接收地址不能包含用户名或密码。";
        return null;
    }

    public static FieldErrors Validate(Input input, bool requireHttps, out Input cleaned)
    {
        var errors = new FieldErrors();
        cleaned = input with { Name = errors.Text(input.Name, "name", "名称", FreeText.Name) };
        errors.AddIf(string.IsNullOrWhiteSpace(cleaned.Name), "name", "请填写订阅名称（如“12349 呼叫中心”）。");
        if (UrlProblem(input.Url, requireHttps) is { } url) errors.Add("url", url);
        var accepted = string.Join("、", OutboundEvents.Types.Keys);
        if (input.Events is not { Count: > 0 }) errors.Add("events", $"请至少选择一个事件：{accepted}。");
        else if (input.Events.FirstOrDefault(e => !OutboundEvents.Types.ContainsKey(e?.Trim() ?? "")) is { } unknown)
            errors.Add("events", $"未知事件“{unknown}”，可选：{accepted}。");
        return errors;
    }

    public static async Task<Outcome<WebhookCreated>> Handle(Input input, CurrentUser user, AppDbContext db, FieldProtector protector,
        OutboundOptions options, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(input, options.RequireHttps, out input);
        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? null : input.RegionCode.Trim();
        // ADR 19: the region passes the same scope rule as a read of it.
        if (region is not null && !(user.Scope.Covers(region) && await db.Regions.AnyAsync(r => r.Code == region, ct)))
            errors.Add("regionCode", "未找到该区域，或不在您的管辖范围内。");
        if (errors.Any) return Outcome<WebhookCreated>.Invalid(errors);
        var secret = Signing.NewSecret();
        var subscription = new WebhookSubscription
        {
            Name = input.Name!.Trim(), Url = input.Url!.Trim(), SecretProtected = protector.Protect(secret)!,
            Events = string.Join(',', input.Events!.Select(e => e.Trim()).Distinct().Order(StringComparer.Ordinal)), RegionCode = region,
            CreatedAt = clock.UtcNow(), CreatedBy = user.UserName,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new WebhookCreated(WebhookResource.From(subscription), secret);
    }
}
