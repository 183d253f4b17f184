using ElderCare.Web.Infrastructure.Web;

namespace ElderCare.Web.Features.Integrations;

/// <summary>How the pages write a client's state and its last day (China time); instants via Display.ChinaTime.</summary>
public static class ClientText
{
    public static string Status(ApiClientStatus status) => status switch
    {
        ApiClientStatus.Active => "有效",
        ApiClientStatus.Expired => "已过期",
        _ => "已停用",
    };

    /// <summary>The last day a client may call (its expiry is the first instant after that China day).</summary>
    public static string Day(DateTime? utc) => utc is { } t
        ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToOffset(ChinaClock.Offset).AddDays(-1).ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture)
        : "长期";
}
