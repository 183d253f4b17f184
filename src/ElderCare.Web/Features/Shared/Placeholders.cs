namespace ElderCare.Web.Features.Shared;

/// <summary>
/// Figures the policy does not give (service prices and allowances, meal-subsidy rates) are seeded as placeholders and
/// shown with a 待确认 mark until the district confirms them (ADR 0023): confirmed when <c>ConfirmedAt</c> is set.
/// </summary>
public static class Placeholders
{
    /// <summary>The source of a seeded placeholder figure.</summary>
    public const string Source = "占位数值，政策未规定";

    /// <summary>The mark shown beside an unconfirmed figure (pages, exports).</summary>
    public const string Mark = "待确认";

    /// <summary>The source recorded when the district enters a new figure itself.</summary>
    public static string EnteredBy(string? userName) => $"区民政局录入（{userName ?? "未知用户"}）";

    /// <summary>The words of a refused confirmation, for a page.</summary>
    public static string Problem(Infrastructure.Errors.FieldErrors? errors, string? message) =>
        errors?.Entries.SelectMany(e => e.Value).FirstOrDefault() ?? message ?? "确认未成功。";
}
