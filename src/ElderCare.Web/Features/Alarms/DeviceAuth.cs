using ElderCare.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ElderCare.Web.Features.Alarms;

/// <summary>Devices authenticate with <c>X-Device-Key</c> (DESIGN.md: devices have their own keys, not user sessions).</summary>
public static class DeviceAuth
{
    public const string Header = "X-Device-Key";

    public static bool Presented(HttpRequest request) => request.Headers.ContainsKey(Header);

    /// <summary>The device of a valid key, or null (bad shape, unknown device, wrong secret, retired device).</summary>
    public static async Task<Device?> AuthenticateAsync(HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        if (DeviceKeys.Parse(request.Headers[Header].ToString().Trim()) is not var (id, secret)) return null;
        var device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return device is { Active: true } && DeviceKeys.Matches(secret, device.SecretHash) ? device : null;
    }

    public static IResult Unauthorized() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "设备认证失败",
        detail: "X-Device-Key 无效：设备未登记、已停用或密钥错误。");
}
