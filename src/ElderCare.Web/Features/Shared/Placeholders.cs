using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Infrastructure.Errors;
using ElderCare.Web.Infrastructure.Web;

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
    public static string Problem(FieldErrors? errors, string? message) =>
        errors?.Entries.SelectMany(e => e.Value).FirstOrDefault() ?? message ?? "确认未成功。";

    /// <summary>The conflict of confirming a figure twice: "{what}已于 2026-11-29 由 admin 确认。"</summary>
    public static string AlreadyConfirmed(string what, DateTime? at, string? by) =>
        $"{what}已于 {Display.Date(at is { } t ? DateOnly.FromDateTime(t) : null)} 由 {by} 确认。";

    /// <summary>
    /// The district confirms a placeholder figure as its own (ADR 0023): the source is required; a figure confirmed
    /// before is a conflict naming <paramref name="what"/>; otherwise the 待确认 mark goes, the source, user and time are
    /// kept (and <paramref name="alsoOnConfirm"/> runs), and the request is audited like every write.
    /// </summary>
    public static async Task<Outcome<TResource>> Confirm<TFigure, TResource>(string? source, CurrentUser user, TimeProvider clock,
        AppDbContext db, Func<Task<TFigure?>> find, string notFound, string what, Func<TFigure, TResource> resource, CancellationToken ct,
        Action<TFigure>? alsoOnConfirm = null)
        where TFigure : class, IPlaceholderFigure
    {
        var errors = new FieldErrors();
        source = errors.Text(source, "source", "确认依据", FreeText.LongName);
        if (!errors.Any && string.IsNullOrWhiteSpace(source)) errors.Add("source", "请填写确认依据，例如文件文号或“区民政局核定”。");
        if (errors.Any) return Outcome<TResource>.Invalid(errors);
        var figure = await find();
        if (figure is null) return Outcome<TResource>.NotFound(notFound);
        if (figure.ConfirmedAt is not null)
            return Outcome<TResource>.Conflict(AlreadyConfirmed(what, figure.ConfirmedAt, figure.ConfirmedBy));
        (figure.Source, figure.ConfirmedAt, figure.ConfirmedBy) = (source!.Trim(), clock.GetUtcNow().UtcDateTime, user.UserName);
        alsoOnConfirm?.Invoke(figure);
        await db.SaveChangesAsync(ct);
        return resource(figure);
    }
}

/// <summary>A seeded placeholder figure the district confirms as its own (ADR 0023): its source, and who confirmed it when.</summary>
public interface IPlaceholderFigure
{
    string Source { get; set; }
    DateTime? ConfirmedAt { get; set; }
    string? ConfirmedBy { get; set; }
}
