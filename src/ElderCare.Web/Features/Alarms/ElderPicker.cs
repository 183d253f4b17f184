using ElderCare.Web.Data;
using ElderCare.Web.Features.Access;
using ElderCare.Web.Features.Elders;
using ElderCare.Web.Infrastructure.Privacy;

namespace ElderCare.Web.Features.Alarms;

/// <summary>One elder offered by the picker: the ID number masked, as in the elder list.</summary>
public sealed record ElderChoice(Guid Id, string Name, string IdNumber, int Age, string? Where);

/// <summary>
/// Finds the elder for a hotline entry or a device by name or ID number, in the user's scope. An ID number goes through
/// the blind index (<see cref="GetElder.ByIdNumber"/>, as POST /api/elders/lookup); anything else searches names as the
/// elder list does (<see cref="ListElders"/>). Used by server-rendered forms, so it works without JavaScript; they post the
/// search (a handler "Find"), since an ID number in a query string would land in access logs, proxies and browser history.
/// </summary>
public static class ElderPicker
{
    public const int MaxChoices = 10;

    public sealed record Found(IReadOnlyList<ElderChoice> Choices, int Total, string? Message)
    {
        /// <summary>The elder chosen in a form shown again after a refusal.</summary>
        public Guid? Selected { get; init; }
    }

    public static async Task<Found> Find(string? q, DataScope scope, AppDbContext db, FieldProtector protector, TimeProvider clock,
        CancellationToken ct)
    {
        q = q?.Trim();
        if (string.IsNullOrEmpty(q)) return new([], 0, null);
        if (LooksLikeIdNumber(q))
        {
            var one = await GetElder.ByIdNumber(q, scope, db, protector, clock, ct);
            return one.IsOk
                ? new([new(one.Value!.Id, one.Value.Name, one.Value.IdNumber, one.Value.Age, one.Value.Address)], 1, null)
                : new([], 0, one.Errors is { } errors ? string.Join(" ", errors.Entries.SelectMany(e => e.Value)) : one.Message);
        }
        var query = new ListElders.Query { Q = q, Page = 1, PageSize = MaxChoices };
        var list = await ListElders.Handle(query, scope, db, protector, clock, ct);
        var page = list.Value!;
        return new(page.Items.Select(e => new ElderChoice(e.Id, e.Name, e.IdNumber, e.Age, e.RegionName)).ToList(), page.Total,
            page.Total == 0 ? $"未找到姓名含“{q}”的老年人。" : null);
    }

    /// <summary>15 or 18 characters, digits with a possible final X: searched as an ID number, not as a name.</summary>
    public static bool LooksLikeIdNumber(string q) =>
        q.Length is 15 or 18 && q[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(q[^1]) || q[^1] is 'x' or 'X');
}
