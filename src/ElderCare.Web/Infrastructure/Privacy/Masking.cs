namespace ElderCare.Web.Infrastructure.Privacy;

/// <summary>QUALITY.md S6 / DESIGN.md: personal data is shown masked unless unmasked with a permission and a reason.</summary>
public static class Masking
{
    /// <summary>500153194503121234 → 500153********1234 (address code and last four kept).</summary>
    public static string? IdNumber(string? id) =>
        id is null ? null : id.Length <= 10 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];

    /// <summary>13812341234 → 138****1234.</summary>
    public static string? Phone(string? phone) =>
        phone is null ? null : phone.Length < 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    public const string NoPermission = "您没有查看完整个人信息的权限（须授权并启用双因素认证）。";

    /// <summary>The reason an unmasking must give (recorded in the audit trail); null when acceptable, else the message.</summary>
    public static string? ReasonProblem(string? reason) =>
        reason?.Trim().Length is >= 4 and <= 200 ? null : "请填写查看完整信息的理由（4 至 200 字）。";

    /// <summary>张三丰 → 张**.</summary>
    public static string? Name(string? name) =>
        string.IsNullOrEmpty(name) ? name : name[..1] + new string('*', name.Length - 1);
}
